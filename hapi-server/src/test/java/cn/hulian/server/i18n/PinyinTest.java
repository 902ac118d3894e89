package cn.hulian.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {

	@Test
	void chineseNamesAreWrittenInToneLessPinyin() {
		assertThat(Pinyin.spellings("张伟")).containsExactly("zhangwei");
		assertThat(Pinyin.spellings("欧阳 娜娜")).as("the common reading first").startsWith("ouyangnana");
		assertThat(Pinyin.spellings("吕")).as("ü as v, as input methods write it").containsExactly("lv");
	}

	@Test
	void homophonesShareTheirSpelling() {
		assertThat(Pinyin.spellings("章薇")).containsExactly("zhangwei");
	}

	@Test
	void characterWithSeveralReadingsGivesEachOne() {
		assertThat(Pinyin.spellings("曾")).contains("zeng", "ceng");
		assertThat(Pinyin.spellings("单田")).contains("shantian", "dantian");
	}

	@Test
	void latinLettersAreKeptWithoutCaseSpacesOrAccents() {
		assertThat(Pinyin.spellings("Zhang Wei")).containsExactly("zhangwei");
		assertThat(Pinyin.spellings("LÜ Xiǎo-Míng")).containsExactly("lvxiaoming");
		assertThat(Pinyin.spellings("阿依古丽·买买提")).startsWith("ayigulimaimaiti");
	}

	@Test
	void nothingToSpellGivesNoSpelling() {
		assertThat(Pinyin.spellings(" ·-")).isEmpty();
		assertThat(Pinyin.spellings("𠮷")).as("a rare character without a known reading").isEmpty();
	}

	@Test
	void spellingsOfLongHeteronymNamesAreBounded() {
		assertThat(Pinyin.spellings("曾曾曾曾曾曾曾曾")).hasSize(Pinyin.MAX_SPELLINGS);
	}

	@Test
	void tellsChineseText() {
		assertThat(Pinyin.hasChinese("Zhang 伟")).isTrue();
		assertThat(Pinyin.hasChinese("Zhang Wei")).isFalse();
		assertThat(Pinyin.normalized("Zhang Wei")).isEqualTo("zhangwei");
	}
}
