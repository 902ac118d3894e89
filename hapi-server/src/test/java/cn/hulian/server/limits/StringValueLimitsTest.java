package cn.hulian.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringValueLimitsTest {

	@Test
	void findsNulAndLoneSurrogatesButNotPairs() {
		assertThat(StringValueLimits.firstUnstorableCharacter("孙😀 ok")).isEqualTo(-1);
		assertThat(StringValueLimits.firstUnstorableCharacter("a\u0000b")).isEqualTo(1);
		assertThat(StringValueLimits.firstUnstorableCharacter("ab\ud800")).as("high surrogate at the end").isEqualTo(2);
		assertThat(StringValueLimits.firstUnstorableCharacter("\ud800x")).as("high surrogate alone").isEqualTo(0);
		assertThat(StringValueLimits.firstUnstorableCharacter("x\udc00")).as("low surrogate alone").isEqualTo(1);
	}
}
