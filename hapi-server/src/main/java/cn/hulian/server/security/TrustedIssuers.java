package cn.hulian.server.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The issuers whose tokens the server accepts, each checked with its own keys: the configured ones (keys from their
 * JWKS, found by OpenID discovery when no JWKS address is configured) and the embedded token endpoint when it is on. A token of any other issuer, with a
 * bad signature, expired, or for another audience is refused.
 */
final class TrustedIssuers {

	private TrustedIssuers() {}

	static AuthenticationManagerResolver<HttpServletRequest> resolver(
			SecurityProperties properties, Optional<EmbeddedTokenIssuer> embedded) {
		CallerClaims claims = new CallerClaims(properties.claims());
		Map<String, AuthenticationManager> managers = new HashMap<>();
		for (SecurityProperties.TrustedIssuer trusted : properties.trustedIssuers()) {
			NimbusJwtDecoder decoder = trusted.jwkSetUri().isEmpty()
					? NimbusJwtDecoder.withIssuerLocation(trusted.issuer()).build()
					: NimbusJwtDecoder.withJwkSetUri(trusted.jwkSetUri()).build();
			managers.put(trusted.issuer(), manager(decoder, trusted.issuer(), properties.audience(), claims));
		}
		embedded.ifPresent(issuer -> managers.put(issuer.issuer(), manager(
				NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build(), issuer.issuer(), properties.audience(), claims)));
		if (managers.isEmpty()) {
			throw new IllegalStateException("No token issuer is trusted, so nobody could call the server: set "
					+ "hulian.security.trusted-issuers[0].issuer (and jwk-set-uri), or hulian.security.token-endpoint.enabled=true "
					+ "for a demo");
		}
		AuthenticationManager byIssuer = new IssuerRouting(managers);
		return request -> byIssuer;
	}

	private static AuthenticationManager manager(
			NimbusJwtDecoder decoder, String issuer, String audience, CallerClaims claims) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefaultWithIssuer(issuer));
		if (!audience.isEmpty()) {
			validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
					audiences -> audiences != null && audiences.contains(audience)));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new VerifiedTokenCache(decoder));
		provider.setJwtAuthenticationConverter(claims);
		return new ProviderManager(provider);
	}
}
