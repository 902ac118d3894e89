package cn.hulian.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTParser;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Hands a bearer token to the authentication manager of the issuer it names ({@code iss}), as Spring's
 * {@code JwtIssuerAuthenticationManagerResolver} does, and remembers the issuer of recent tokens: a client sends the
 * same token with every request, and parsing it again for its issuer was a tenth of a simple search's CPU. The
 * remembered issuer only chooses whose keys check the token; the check itself is never skipped here.
 */
final class IssuerRouting implements AuthenticationManager {

	private static final int MOST_TOKENS = 10_000;

	private final Map<String, AuthenticationManager> managers;
	private final Cache<String, String> issuers = Caffeine.newBuilder()
			.maximumSize(MOST_TOKENS)
			.expireAfterWrite(VerifiedTokenCache.LONGEST_KEPT)
			.build();

	IssuerRouting(Map<String, AuthenticationManager> managers) {
		this.managers = Map.copyOf(managers);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		BearerTokenAuthenticationToken token = (BearerTokenAuthenticationToken) authentication;
		AuthenticationManager manager = managers.get(issuerOf(token));
		if (manager == null) {
			throw refused(new InvalidBearerTokenException("Invalid issuer"), authentication);
		}
		try {
			return manager.authenticate(authentication);
		} catch (AuthenticationException refused) {
			throw refused(refused, authentication);
		}
	}

	private String issuerOf(BearerTokenAuthenticationToken token) {
		String known = issuers.getIfPresent(token.getToken());
		if (known != null) {
			return known;
		}
		String issuer;
		try {
			issuer = JWTParser.parse(token.getToken()).getJWTClaimsSet().getIssuer();
		} catch (Exception unparsable) {
			throw refused(new InvalidBearerTokenException(unparsable.getMessage(), unparsable), token);
		}
		if (issuer == null) {
			throw refused(new InvalidBearerTokenException("Missing issuer"), token);
		}
		issuers.put(token.getToken(), issuer);
		return issuer;
	}

	private static AuthenticationException refused(AuthenticationException refusal, Authentication request) {
		refusal.setAuthenticationRequest(request);
		return refusal;
	}
}
