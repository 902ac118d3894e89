package cn.hulian.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TokenEndpointEnabledTest {

	@Test
	void isOnInTheEmbeddedDefaultOnly() {
		assertThat(TokenEndpointEnabled.isEnabled(new MockEnvironment())).isTrue();
		assertThat(TokenEndpointEnabled.isEnabled(new MockEnvironment()
				.withProperty("spring.datasource.url", "jdbc:postgresql://db/hulian"))).isFalse();
	}

	@Test
	void followsAnExplicitSetting() {
		assertThat(TokenEndpointEnabled.isEnabled(new MockEnvironment()
				.withProperty("hulian.security.token-endpoint.enabled", "false"))).isFalse();
		assertThat(TokenEndpointEnabled.isEnabled(new MockEnvironment()
				.withProperty("spring.datasource.url", "jdbc:postgresql://db/hulian")
				.withProperty("hulian.security.token-endpoint.enabled", "true"))).isTrue();
	}
}
