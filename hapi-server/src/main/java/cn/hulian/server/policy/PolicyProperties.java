package cn.hulian.server.policy;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The regulation rules ({@code hulian.policy.*}).
 *
 * @param rules settings per rule id, e.g. {@code hulian.policy.rules.IH-RX-CONTROLLED-003.enabled=false}; every rule
 *              is on unless switched off here
 */
@ConfigurationProperties("hulian.policy")
public record PolicyProperties(Map<String, RuleSettings> rules) {

	public PolicyProperties {
		// Spring may hand over map keys lower-cased; rule ids are matched ignoring case.
		rules = rules == null ? Map.of() : rules.entrySet().stream()
				.collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
	}

	public boolean isEnabled(String ruleId) {
		RuleSettings settings = rules.get(ruleId.toLowerCase(Locale.ROOT));
		return settings == null || settings.enabled();
	}

	/** @param enabled whether the rule is enforced (default true) */
	public record RuleSettings(Boolean enabled) {

		public RuleSettings {
			enabled = enabled == null || enabled;
		}
	}
}
