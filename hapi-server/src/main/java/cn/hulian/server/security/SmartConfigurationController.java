package cn.hulian.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** SMART discovery ({@code /.well-known/smart-configuration}): where clients get tokens and what they may ask for. */
@RestController
class SmartConfigurationController {

	private final SecurityProperties properties;
	private final Optional<EmbeddedTokenIssuer> embeddedIssuer;

	SmartConfigurationController(SecurityProperties properties, Optional<EmbeddedTokenIssuer> embeddedIssuer) {
		this.properties = properties;
		this.embeddedIssuer = embeddedIssuer;
	}

	@GetMapping(path = "/.well-known/smart-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> smartConfiguration(HttpServletRequest request) {
		String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
		Map<String, Object> configuration = new LinkedHashMap<>();
		embeddedIssuer.ifPresentOrElse(
				issuer -> {
					configuration.put("issuer", issuer.issuer());
					configuration.put("jwks_uri", base + "/oauth/jwks");
					configuration.put("token_endpoint", base + "/oauth/token");
				},
				() -> configuration.put("token_endpoint", properties.tokenUrl()));
		configuration.put("grant_types_supported", List.of("client_credentials"));
		configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
		configuration.put("scopes_supported", List.of("system/*.cruds", "system/*.rs", "user/*.cruds", "user/*.rs",
				"patient/*.rs"));
		configuration.put("capabilities", List.of("client-confidential-symmetric", "permission-v1", "permission-v2"));
		return configuration;
	}
}
