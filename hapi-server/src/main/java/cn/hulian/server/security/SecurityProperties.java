package cn.hulian.server.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the server ({@code hulian.security.*}). Every FHIR request but {@code /metadata} needs an OAuth2 bearer
 * token (a JWT) from a trusted issuer.
 *
 * @param trustedIssuers the token issuers the server accepts (Keycloak or any OIDC provider)
 * @param audience       when set, a token's {@code aud} must contain it
 * @param claims         which token claims carry the caller's role, institution, patient and user
 * @param tokenEndpoint  the built-in token endpoint of the embedded default (demo clients)
 * @param tokenUrl       the token endpoint clients are told to use ({@code /.well-known/smart-configuration}) when
 *                       tokens come from a trusted issuer; the built-in endpoint is announced when it is on
 */
@ConfigurationProperties("hulian.security")
public record SecurityProperties(
		List<TrustedIssuer> trustedIssuers, String audience, Claims claims, TokenEndpoint tokenEndpoint, String tokenUrl) {

	public SecurityProperties {
		tokenUrl = tokenUrl == null ? "" : tokenUrl;
		trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
		audience = audience == null ? "" : audience;
		claims = claims == null ? new Claims(null, null, null, null) : claims;
		tokenEndpoint = tokenEndpoint == null ? new TokenEndpoint(null, null, null, null) : tokenEndpoint;
	}

	/**
	 * @param issuer    the {@code iss} value of its tokens
	 * @param jwkSetUri where its signing keys are published; when empty they are found by OpenID discovery from
	 *                  {@code issuer}
	 */
	public record TrustedIssuer(String issuer, String jwkSetUri) {

		public TrustedIssuer {
			jwkSetUri = jwkSetUri == null ? "" : jwkSetUri;
		}
	}

	/**
	 * Claim names, for issuers that name them differently.
	 *
	 * @param role        one of the roles in {@link Role} (default {@code hulian_role})
	 * @param institution the caller's organisation code, urn:oid:2.16.156.10011.1.5 (default {@code hulian_institution})
	 * @param patient     the patient a patient-scoped token is for (default {@code patient}, as SMART names it)
	 * @param fhirUser    the user's Practitioner, PractitionerRole or Patient (default {@code fhirUser})
	 */
	public record Claims(String role, String institution, String patient, String fhirUser) {

		public Claims {
			role = role == null ? "hulian_role" : role;
			institution = institution == null ? "hulian_institution" : institution;
			patient = patient == null ? "patient" : patient;
			fhirUser = fhirUser == null ? "fhirUser" : fhirUser;
		}
	}

	/**
	 * The embedded default's own token endpoint ({@code POST /oauth/token}, client-credentials grant). It is on when
	 * {@code enabled} is true, or when {@code enabled} is not set and the server runs its embedded database; never
	 * turn it on in production.
	 *
	 * @param enabled       see above
	 * @param issuer        the {@code iss} of the tokens it signs
	 * @param tokenLifetime how long its tokens are valid
	 * @param clients       the clients it knows, with their secrets (demo clients by default)
	 */
	public record TokenEndpoint(Boolean enabled, String issuer, Duration tokenLifetime, List<DemoClient> clients) {

		public TokenEndpoint {
			issuer = issuer == null ? "urn:hulian:embedded-token-endpoint" : issuer;
			tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
			clients = clients == null ? List.of() : List.copyOf(clients);
		}
	}

	/**
	 * A client of the built-in token endpoint.
	 *
	 * @param id          its client id
	 * @param secret      its secret
	 * @param role        its role
	 * @param institution its organisation code, if it acts for one institution
	 * @param fhirUser    the user it acts as, e.g. {@code Practitioner/123}, if any
	 * @param scopes      the SMART scopes it may ask for, space-separated
	 */
	public record DemoClient(String id, String secret, String role, String institution, String fhirUser, String scopes) {

		public DemoClient {
			institution = institution == null ? "" : institution;
			fhirUser = fhirUser == null ? "" : fhirUser;
			scopes = scopes == null ? "" : scopes;
		}
	}
}
