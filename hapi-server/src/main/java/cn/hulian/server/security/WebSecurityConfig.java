package cn.hulian.server.security;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Bearer tokens on every request but the public ones: the CapabilityStatement, SMART discovery, the token endpoint
 * and its keys, health probes and metrics, and the API documentation pages. No sessions, no cookies.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
public class WebSecurityConfig {

	private static final String[] PUBLIC_PATHS = {
		"/fhir/metadata", "/.well-known/smart-configuration", "/oauth/token", "/oauth/jwks",
		"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
		"/fhir/swagger-ui/**", "/fhir/api-docs", "/error"
	};

	@Bean
	@Conditional(TokenEndpointEnabled.class)
	public EmbeddedTokenIssuer embeddedTokenIssuer(SecurityProperties properties) {
		return new EmbeddedTokenIssuer(properties.tokenEndpoint().issuer(), Clock.systemUTC());
	}

	/**
	 * No Micrometer observation around each of Spring Security's filters: they wrap every request a dozen times over,
	 * a measurable share of a simple search's CPU, for spans nobody collects. Request metrics are still recorded per
	 * request (Spring MVC's observation).
	 */
	@Bean
	public SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring's strict firewall, with its character rules checked faster ({@link FirewallCharacters}). */
	@Bean
	public HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(FirewallCharacters::allowedInName);
		firewall.setAllowedHeaderValues(FirewallCharacters::allowedInHeaderValue);
		firewall.setAllowedParameterNames(FirewallCharacters::allowedInName);
		return firewall;
	}

	@Bean
	public SecurityFilterChain securityFilterChain(
			HttpSecurity http,
			SecurityProperties properties,
			Optional<EmbeddedTokenIssuer> embeddedIssuer,
			FhirContext fhirContext,
			ApplicationEventPublisher events) throws Exception {
		SecurityErrorResponses errors = new SecurityErrorResponses(fhirContext, events);
		return http
				.csrf(csrf -> csrf.disable())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(PUBLIC_PATHS).permitAll()
						.anyRequest().authenticated())
				.oauth2ResourceServer(resourceServer -> resourceServer
						.authenticationManagerResolver(TrustedIssuers.resolver(properties, embeddedIssuer))
						.authenticationEntryPoint(errors))
				.exceptionHandling(handling -> handling.authenticationEntryPoint(errors))
				.build();
	}
}
