package cn.hulian.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed verification, so a client sending the same token with every request pays for the
 * signature check once, not per request. A token is remembered by its full text (signature included), for at most
 * {@link #LONGEST_KEPT} and never past its own expiry; refused tokens are not remembered.
 */
final class VerifiedTokenCache implements JwtDecoder {

	static final Duration LONGEST_KEPT = Duration.ofMinutes(5);
	private static final int MOST_TOKENS = 10_000;

	private final JwtDecoder verifier;
	private final Cache<String, Jwt> verified = Caffeine.newBuilder()
			.maximumSize(MOST_TOKENS)
			.expireAfter(new UntilTokenExpires())
			.build();

	VerifiedTokenCache(JwtDecoder verifier) {
		this.verifier = verifier;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = verified.getIfPresent(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = verifier.decode(token);
		verified.put(token, jwt);
		return jwt;
	}

	private static final class UntilTokenExpires implements Expiry<String, Jwt> {
		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Instant expiresAt = jwt.getExpiresAt();
			Duration left = expiresAt == null ? LONGEST_KEPT : Duration.between(Instant.now(), expiresAt);
			return Math.max(0, Math.min(left.toNanos(), LONGEST_KEPT.toNanos()));
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}
	}
}
