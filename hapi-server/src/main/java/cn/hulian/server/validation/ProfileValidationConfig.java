package cn.hulian.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
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
	public ProfileValidationInterceptor profileValidationInterceptor(
			FhirContext fhirContext,
			@Qualifier("myInstanceValidator") IInstanceValidatorModule instanceValidator,
			ProfileValidationProperties properties,
			DaoRegistry daoRegistry) {
		return new ProfileValidationInterceptor(
				fhirContext, instanceValidator, properties, onlineCareProfilePolicy(properties.onlineCare(), daoRegistry));
	}

	private static OnlineCareProfilePolicy onlineCareProfilePolicy(
			ProfileValidationProperties.OnlineCare onlineCare, DaoRegistry daoRegistry) {
		return new OnlineCareProfilePolicy(
				onlineCare.profiles(), new OnlineEncounters(daoRegistry, onlineCare.encounterCacheTtl()));
	}
}
