package cn.hulian.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.context.annotation.Conditional;

/**
 * The embedded default's OAuth2 token endpoint: the client-credentials grant (RFC 6749 §4.4) with the client's id
 * and secret in HTTP Basic or in the form, as SMART Backend Services clients use it. Registered only when the
 * endpoint is on (see {@link TokenEndpointEnabled}).
 */
@RestController
@Conditional(TokenEndpointEnabled.class)
class TokenEndpointController {

	private final EmbeddedTokenIssuer issuer;
	private final SecurityProperties properties;

	TokenEndpointController(EmbeddedTokenIssuer issuer, SecurityProperties properties) {
		this.issuer = issuer;
		this.properties = properties;
	}

	@PostMapping(path = "/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> token(
			@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(name = "scope", required = false) String scope,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "client_secret", required = false) String clientSecret) {
		if (!"client_credentials".equals(grantType)) {
			return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only grant_type=client_credentials is supported");
		}
		String[] credentials = basicCredentials(authorization).orElse(new String[] {clientId, clientSecret});
		Optional<SecurityProperties.DemoClient> client = authenticate(credentials[0], credentials[1]);
		if (client.isEmpty()) {
			return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Unknown client or wrong secret");
		}
		List<SmartScope> allowed = SmartScope.parseAll(client.get().scopes());
		String granted = scope == null || scope.isBlank() ? client.get().scopes() : scope.trim();
		List<SmartScope> requested = SmartScope.parseAll(granted);
		boolean everyScopeKnown = requested.size() == granted.split("\\s+").length;
		if (!everyScopeKnown || !requested.stream().allMatch(wanted -> allowed.stream().anyMatch(has -> has.covers(wanted)))) {
			return error(HttpStatus.BAD_REQUEST, "invalid_scope", "The client may ask for: " + client.get().scopes());
		}
		var endpoint = properties.tokenEndpoint();
		String token = issuer.sign(client.get(), granted, endpoint.tokenLifetime(), properties.claims(), properties.audience());
		return ResponseEntity.ok()
				.header("Cache-Control", "no-store")
				.body(Map.of(
						"access_token", token,
						"token_type", "Bearer",
						"expires_in", endpoint.tokenLifetime().toSeconds(),
						"scope", granted));
	}

	@GetMapping(path = "/oauth/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> publicKeys() {
		return issuer.publicKeys().toJSONObject();
	}

	private Optional<SecurityProperties.DemoClient> authenticate(String id, String secret) {
		if (id == null || secret == null) {
			return Optional.empty();
		}
		return properties.tokenEndpoint().clients().stream()
				.filter(client -> client.id().equals(id))
				.filter(client -> MessageDigest.isEqual(bytes(client.secret()), bytes(secret)))
				.findFirst();
	}

	private static Optional<String[]> basicCredentials(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? Optional.empty()
					: Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
		} catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String description) {
		return ResponseEntity.status(status).body(Map.of("error", code, "error_description", description));
	}
}
