package cn.hulian.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import cn.hulian.server.onlinecare.OnlineCareMembership;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ProfileValidationConfig {

	/**
	 * Uses HAPI's instance validator, which knows every profile, value set and code system stored in the server, with
	 * one HL7 validator per database transaction ({@link ValidatorPerTransaction}).
	 */
	@Bean
	@ConditionalOnProperty(name = "hulian.validation.enabled", matchIfMissing = true)
	public ProfileValidationInterceptor profileValidationInterceptor(
			FhirContext fhirContext,
			@Qualifier("myInstanceValidator") IInstanceValidatorModule instanceValidator,
			ProfileValidationProperties properties,
			OnlineCareMembership onlineCare) {
		return new ProfileValidationInterceptor(fhirContext,
				new ValidatorPerTransaction((FhirInstanceValidator) instanceValidator), properties,
				new OnlineCareProfilePolicy(properties.onlineCare().profiles(), onlineCare));
	}
}
