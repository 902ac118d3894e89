package cn.hulian.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ProfileValidationConfig {

	/** Uses HAPI's instance validator, which knows every profile, value set and code system stored in the server. */
	@Bean
	@ConditionalOnProperty(name = "hulian.validation.enabled", matchIfMissing = true)
	public DeclaredProfileValidationInterceptor declaredProfileValidationInterceptor(
			FhirContext fhirContext,
			@Qualifier("myInstanceValidator") IInstanceValidatorModule instanceValidator,
			ProfileValidationProperties properties) {
		return new DeclaredProfileValidationInterceptor(fhirContext, instanceValidator, properties);
	}
}
