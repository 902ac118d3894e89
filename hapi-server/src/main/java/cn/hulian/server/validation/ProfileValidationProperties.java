package cn.hulian.server.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Validation on write ({@code hulian.validation.*}; {@code hulian.validation.enabled=false} switches it off).
 *
 * @param profileBase        canonical URL prefix of the profiles that are enforced on write
 * @param onlineCareProfiles whether online encounters and the prescriptions issued in them must conform to the
 *                           Hulian profiles even when they do not declare them ({@link OnlineCareProfilePolicy})
 */
@ConfigurationProperties("hulian.validation")
public record ProfileValidationProperties(String profileBase, Boolean onlineCareProfiles) {

	public ProfileValidationProperties {
		profileBase = profileBase == null ? "http://hulian.cn/fhir/StructureDefinition/" : profileBase;
		onlineCareProfiles = onlineCareProfiles == null || onlineCareProfiles;
	}
}
