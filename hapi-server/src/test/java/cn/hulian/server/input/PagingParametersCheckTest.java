package cn.hulian.server.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagingParametersCheckTest {

	@Test
	void acceptsNonNegativeIntegersInIntRange() {
		assertThat(PagingParametersCheck.isNonNegativeInt("0")).isTrue();
		assertThat(PagingParametersCheck.isNonNegativeInt("20")).isTrue();
		assertThat(PagingParametersCheck.isNonNegativeInt("2147483647")).isTrue();
	}

	@Test
	void refusesEverythingElse() {
		assertThat(PagingParametersCheck.isNonNegativeInt("-1")).isFalse();
		assertThat(PagingParametersCheck.isNonNegativeInt("abc")).isFalse();
		assertThat(PagingParametersCheck.isNonNegativeInt("")).isFalse();
		assertThat(PagingParametersCheck.isNonNegativeInt("+5")).isFalse();
		assertThat(PagingParametersCheck.isNonNegativeInt("1.5")).isFalse();
		assertThat(PagingParametersCheck.isNonNegativeInt("2147483648")).isFalse();
		assertThat(PagingParametersCheck.isNonNegativeInt("99999999999999999999")).isFalse();
		assertThat(PagingParametersCheck.isNonNegativeInt("٣")).as("Arabic-Indic digit").isFalse();
	}
}
