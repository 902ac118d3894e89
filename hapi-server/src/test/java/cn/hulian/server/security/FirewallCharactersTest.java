package cn.hulian.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop allows exactly what Spring Security's strict firewall expressions allow. */
class FirewallCharactersTest {

	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
	private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void allowsWhatSpringsExpressionsAllow() {
		List<String> samples = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "zh-CN,zh;q=0.9", "a\tb", "a\nb",
				"a\u0000b", "a\u007fb", "a\u0085b", "张伟", "\uD83D\uDE00", "\uD83D", "a\uDE00", "\u0378", "\uFFFF",
				"\u200B", "\t");
		for (String sample : samples) {
			assertThat(FirewallCharacters.allowedInName(sample)).as(sample).isEqualTo(NAME.matcher(sample).matches());
			assertThat(FirewallCharacters.allowedInHeaderValue(sample)).as(sample)
					.isEqualTo(HEADER_VALUE.matcher(sample).matches());
		}
	}

	@Test
	void agreesOnRandomText() {
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int length = random.nextInt(4); length >= 0; length--) {
				text.append((char) random.nextInt(i % 2 == 0 ? 0x300 : 0x10000));
			}
			String sample = text.toString();
			assertThat(FirewallCharacters.allowedInName(sample)).as(sample).isEqualTo(NAME.matcher(sample).matches());
			assertThat(FirewallCharacters.allowedInHeaderValue(sample)).as(sample)
					.isEqualTo(HEADER_VALUE.matcher(sample).matches());
		}
	}
}
