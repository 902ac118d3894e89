package cn.hulian.server.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Validation on write ({@code hulian.validation.*}; {@code hulian.validation.enabled=false} switches it off).
 *
 * @param profileBase canonical URL prefix of the profiles that are enforced on write
 */
@ConfigurationProperties("hulian.validation")
public record ProfileValidationProperties(String profileBase) {

	public ProfileValidationProperties {
		profileBase = profileBase == null ? "http://hulian.cn/fhir/StructureDefinition/" : profileBase;
	}
}
