package cn.hulian.fhirpackage;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.Collection;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * An offline FHIR R4 validator that knows the core specification plus the given conformance resources. Profiles must
 * carry their snapshots (built packages do; see {@link PackageBuilder}).
 */
public final class ValidatorFactory {

	private ValidatorFactory() {}

	public static ValidationSupportChain supportFor(FhirContext fhirContext, Collection<IBaseResource> conformance) {
		PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(fhirContext);
		conformance.forEach(ours::addResource);
		return supportFor(fhirContext, ours);
	}

	/** The core specification behind {@code ours}, which the caller may still add to. */
	public static ValidationSupportChain supportFor(FhirContext fhirContext, PrePopulatedValidationSupport ours) {
		return new ValidationSupportChain(
				ours,
				new DefaultProfileValidationSupport(fhirContext),
				new InMemoryTerminologyServerValidationSupport(fhirContext),
				new CommonCodeSystemsTerminologyService(fhirContext));
	}

	public static FhirValidator validatorFor(FhirContext fhirContext, IValidationSupport support) {
		return fhirContext.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
	}
}
