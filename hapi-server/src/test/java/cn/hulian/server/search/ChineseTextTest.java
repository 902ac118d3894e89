package cn.hulian.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTextTest {

	@Test
	void chineseWordsBecomePhrasesAndOtherWordsKeepThePrefixSearch() {
		assertThat(ChineseText.asQuery("高血压")).isEqualTo("\"高血压\"");
		assertThat(ChineseText.asQuery("高血压  metformin")).isEqualTo("\"高血压\" metformin*");
		assertThat(ChineseText.asQuery("ＡＢＣ高血压")).isEqualTo("\"ＡＢＣ高血压\"");
	}

	@Test
	void latinWordsAndQuerySyntaxAreLeftAsWritten() {
		assertThat(ChineseText.asQuery("hypertension")).isEqualTo("hypertension");
		assertThat(ChineseText.asQuery("\"高血糖\"")).isEqualTo("\"高血糖\"");
		assertThat(ChineseText.asQuery("高血压 | 糖尿病")).isEqualTo("高血压 | 糖尿病");
		assertThat(ChineseText.asQuery("-高血压")).isEqualTo("-高血压");
	}

	@Test
	void onlyHapisFullTextAnalyzerIsSetAside() {
		assertThat(ChineseText.setAside(ChineseText.FULL_TEXT_ANALYZER)).isNotEqualTo(ChineseText.FULL_TEXT_ANALYZER);
		assertThat(ChineseText.setAside("exactAnalyzer")).isEqualTo("exactAnalyzer");
	}
}
