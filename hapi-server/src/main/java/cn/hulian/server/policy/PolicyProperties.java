package cn.hulian.server.policy;

import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The regulation rules ({@code hulian.policy.*}).
 *
 * @param enabled   whether the regulation rules are enforced at all (default true); false switches every rule off,
 *                  whatever its own setting says, e.g. to measure what the rules cost
 * @param rules     settings per rule id, e.g. {@code hulian.policy.rules.IH-RX-CONTROLLED-003.enabled=false}; every
 *                  rule is on unless switched off here
 * @param retention how long records are kept before they may be hard-deleted (rule IH-RETENTION-008)
 */
@ConfigurationProperties("hulian.policy")
public record PolicyProperties(Boolean enabled, Map<String, RuleSettings> rules, Retention retention) {

	private static final RuleSettings DEFAULT = new RuleSettings(true, List.of());

	public PolicyProperties {
		enabled = enabled == null || enabled;
		// Spring may hand over map keys lower-cased; rule ids are matched ignoring case.
		rules = rules == null ? Map.of() : rules.entrySet().stream()
				.collect(Collectors.toUnmodifiableMap(entry -> entry.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
		retention = retention == null ? new Retention(null, null, null) : retention;
	}

	public boolean isEnabled(String ruleId) {
		return enabled && settings(ruleId).enabled();
	}

	public RuleSettings settings(String ruleId) {
		return rules.getOrDefault(ruleId.toLowerCase(Locale.ROOT), DEFAULT);
	}

	/**
	 * @param enabled    whether the rule is enforced (default true)
	 * @param exemptions where the rule does not apply (only rules that say so honour exemptions)
	 */
	public record RuleSettings(Boolean enabled, List<Exemption> exemptions) {

		public RuleSettings {
			enabled = enabled == null || enabled;
			exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
		}
	}

	/**
	 * Where a rule does not apply, e.g. a province's pilot of online first visits in paediatrics. The care is exempt
	 * when its institution is in one of {@code regions} or is one of {@code institutions} (either; neither given means
	 * any institution), and its department is one of {@code departments} (none given means any department).
	 *
	 * @param regions      GB/T 2260 codes of the institution's region; a province or city code covers what lies in it
	 * @param institutions the institution's id or any of its identifier values
	 * @param departments  department codes, as in {@code Encounter.serviceType}
	 */
	public record Exemption(List<String> regions, List<String> institutions, List<String> departments) {

		public Exemption {
			regions = regions == null ? List.of() : List.copyOf(regions);
			institutions = institutions == null ? List.of() : List.copyOf(institutions);
			departments = departments == null ? List.of() : List.copyOf(departments);
		}

		public boolean covers(String institutionRegion, Set<String> institutionIds, Set<String> careDepartments) {
			boolean anyInstitution = regions.isEmpty() && institutions.isEmpty();
			boolean place = anyInstitution
					|| regions.stream().anyMatch(region -> Regions.contains(region, institutionRegion))
					|| institutions.stream().anyMatch(institutionIds::contains);
			return place && (departments.isEmpty() || departments.stream().anyMatch(careDepartments::contains));
		}
	}

	/**
	 * @param clinicalRecords   how long clinical records (everything in a patient's compartment) are kept, from
	 *                          the day each version was written (default 15 years)
	 * @param conversations     how long chat, audio and video records are kept (default 3 years)
	 * @param conversationTypes the resource types that hold those (default Communication and Media)
	 */
	public record Retention(Period clinicalRecords, Period conversations, List<String> conversationTypes) {

		public Retention {
			clinicalRecords = clinicalRecords == null ? Period.ofYears(15) : clinicalRecords;
			conversations = conversations == null ? Period.ofYears(3) : conversations;
			conversationTypes = conversationTypes == null ? List.of("Communication", "Media") : List.copyOf(conversationTypes);
		}
	}
}
