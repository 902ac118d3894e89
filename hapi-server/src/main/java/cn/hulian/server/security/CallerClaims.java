package cn.hulian.server.security;

import java.util.Collection;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the {@link Caller} from a verified token's claims (names configurable in {@code hulian.security.claims}). A
 * token without a known role is refused: the server never guesses what a caller may do.
 */
final class CallerClaims implements Converter<Jwt, CallerAuthentication> {

	private final SecurityProperties.Claims names;

	CallerClaims(SecurityProperties.Claims names) {
		this.names = names;
	}

	@Override
	public CallerAuthentication convert(Jwt token) {
		String roleClaim = token.getClaimAsString(names.role());
		Role role = Role.fromClaim(roleClaim).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
				OAuth2ErrorCodes.INVALID_TOKEN, "The token has no known role in claim " + names.role() + " (got "
						+ roleClaim + ")", null)));
		Caller caller = new Caller(
				clientId(token),
				nonNull(token.getSubject()),
				nonNull(token.getClaimAsString("iss")),
				role,
				nonNull(token.getClaimAsString(names.institution())),
				nonNull(token.getClaimAsString(names.patient())),
				nonNull(token.getClaimAsString(names.fhirUser())),
				SmartScope.parseAll(scopes(token)));
		return new CallerAuthentication(caller, token);
	}

	private static String clientId(Jwt token) {
		return Optional.ofNullable(token.getClaimAsString("client_id"))
				.or(() -> Optional.ofNullable(token.getClaimAsString("azp")))
				.orElse(nonNull(token.getSubject()));
	}

	/** {@code scope} as a space-separated string (RFC 8693), or {@code scp} as a list (as some issuers send). */
	private static String scopes(Jwt token) {
		Object scope = token.getClaims().getOrDefault("scope", token.getClaims().get("scp"));
		if (scope instanceof Collection<?> list) {
			return String.join(" ", list.stream().map(Object::toString).toList());
		}
		return scope == null ? "" : scope.toString();
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}
}
