package cn.hulian.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

	private final AtomicInteger verifications = new AtomicInteger();

	@Test
	void aTokenIsVerifiedOnceWhileItIsValid() {
		VerifiedTokenCache cache = new VerifiedTokenCache(verifierIssuing(Instant.now().plusSeconds(600)));

		Jwt first = cache.decode("token-a");
		Jwt again = cache.decode("token-a");
		cache.decode("token-b");

		assertThat(again).isSameAs(first);
		assertThat(verifications).hasValue(2);
	}

	@Test
	void anExpiredOrRefusedTokenIsNotRemembered() {
		VerifiedTokenCache expiring = new VerifiedTokenCache(verifierIssuing(Instant.now().minusSeconds(1)));
		expiring.decode("token-a");
		expiring.decode("token-a");
		assertThat(verifications).hasValue(2);

		VerifiedTokenCache refusing = new VerifiedTokenCache(token -> {
			verifications.incrementAndGet();
			throw new BadJwtException("bad signature");
		});
		assertThatThrownBy(() -> refusing.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> refusing.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(verifications).hasValue(4);
	}

	private JwtDecoder verifierIssuing(Instant expiresAt) {
		return token -> {
			verifications.incrementAndGet();
			return Jwt.withTokenValue(token).header("alg", "RS256").subject("client")
					.issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt).build();
		};
	}
}
