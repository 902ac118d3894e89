package cn.hulian.server.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the built-in token endpoint is on: as {@code hulian.security.token-endpoint.enabled} says, and when that is
 * not set, only in the embedded default (no {@code spring.datasource.url}). A production deployment, which names its
 * database, never gets demo clients by accident.
 */
public final class TokenEndpointEnabled implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isEnabled(context.getEnvironment());
	}

	static boolean isEnabled(Environment environment) {
		String enabled = environment.getProperty("hulian.security.token-endpoint.enabled", "");
		if (!enabled.isBlank()) {
			return Boolean.parseBoolean(enabled.trim());
		}
		return environment.getProperty("spring.datasource.url", "").isBlank();
	}
}
