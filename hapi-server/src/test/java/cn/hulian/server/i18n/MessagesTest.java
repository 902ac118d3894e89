package cn.hulian.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

	@Test
	void choosesChineseWhenTheClientPrefersIt() {
		assertThat(Messages.chooseLocale("zh-CN,zh;q=0.9,en;q=0.5")).isEqualTo(Locale.CHINESE);
	}

	@Test
	void choosesEnglishWhenAskedForItOrForALanguageWithoutTexts() {
		assertThat(Messages.chooseLocale("en-US")).isEqualTo(Locale.ENGLISH);
		assertThat(Messages.chooseLocale("fr-FR")).isEqualTo(Locale.ENGLISH);
		assertThat(Messages.chooseLocale(null)).isEqualTo(Locale.ENGLISH);
		assertThat(Messages.chooseLocale("not a ;; header")).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void fillsInArgumentsInTheChosenLanguage() {
		assertThat(Messages.get("zh", "limits.too-many-bundle-entries", 6, 5))
				.isEqualTo("该 Bundle 含有 6 个条目；本服务器每个批处理或事务最多接受 5 个（见 hulian.limits.max-bundle-entries）。");
		assertThat(Messages.get("en", "limits.too-many-bundle-entries", 6, 5))
				.startsWith("The Bundle has 6 entries; this server accepts at most 5 per batch or transaction");
	}
}
