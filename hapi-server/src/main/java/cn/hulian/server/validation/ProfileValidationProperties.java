package cn.hulian.server.validation;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Validation on write ({@code hulian.validation.*}; {@code hulian.validation.enabled=false} switches it off).
 *
 * @param profileBase canonical URL prefix of the profiles that are enforced on write when a resource declares them
 * @param requiredProfiles resource type to the canonical URL of the profile every resource of that type must conform
 *                         to, declared or not (defaults in application.yaml: DocumentReference; an empty value exempts a
 *                         type)
 * @param onlineCare  which resources must conform to which profile because they are part of online care
 */
@ConfigurationProperties("hulian.validation")
public record ProfileValidationProperties(
		String profileBase, Map<String, String> requiredProfiles, OnlineCare onlineCare) {

	public ProfileValidationProperties {
		profileBase = profileBase == null ? "http://hulian.cn/fhir/StructureDefinition/" : profileBase;
		requiredProfiles = requiredProfiles == null ? Map.of() : Map.copyOf(requiredProfiles);
		onlineCare = onlineCare == null ? new OnlineCare(null, null, null) : onlineCare;
	}

	/**
	 * The online-care policy ({@link OnlineCareProfilePolicy}).
	 *
	 * @param enabled          whether online care is held to its profiles even when a resource does not declare them
	 * @param profiles         resource type to the canonical URL of the profile its online-care instances must conform to
	 *                         (defaults in application.yaml; an empty value exempts a type)
	 * @param encounterCacheTtl how long the server remembers whether an encounter is online, and which encounter a
	 *                         prescription was issued in, instead of reading them again for every linked resource
	 */
	public record OnlineCare(Boolean enabled, Map<String, String> profiles, Duration encounterCacheTtl) {

		public OnlineCare {
			enabled = enabled == null || enabled;
			profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
			encounterCacheTtl = encounterCacheTtl == null ? Duration.ofMinutes(5) : encounterCacheTtl;
		}
	}
}
