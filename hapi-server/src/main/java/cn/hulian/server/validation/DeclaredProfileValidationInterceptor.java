package cn.hulian.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.ValidationResult;
import cn.hulian.server.config.FhirServerInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A resource that declares a Hulian profile in {@code meta.profile} must conform to it: it is validated before it is
 * stored and refused with 422 and an OperationOutcome naming each failing element otherwise. Resources that declare
 * no Hulian profile are accepted as plain R4 from heterogeneous systems.
 */
@Interceptor
public class DeclaredProfileValidationInterceptor implements FhirServerInterceptor {

	private final FhirContext fhirContext;
	private final FhirValidator validator;
	private final String profileBase;

	public DeclaredProfileValidationInterceptor(
			FhirContext fhirContext, IInstanceValidatorModule instanceValidator, ProfileValidationProperties properties) {
		this.fhirContext = fhirContext;
		this.validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
		this.profileBase = properties.profileBase();
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		validateIfProfiled(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource) {
		validateIfProfiled(resource);
	}

	private void validateIfProfiled(IBaseResource resource) {
		boolean declaresHulianProfile = resource.getMeta().getProfile().stream()
				.map(IPrimitiveType::getValueAsString)
				.anyMatch(profile -> profile != null && profile.startsWith(profileBase));
		if (!declaresHulianProfile) {
			return;
		}
		ValidationResult result = validator.validateWithResult(resource);
		OperationOutcome errors = errorsOf(result);
		if (errors.hasIssue()) {
			throw new UnprocessableEntityException(fhirContext, errors);
		}
	}

	/** Only the errors: warnings and information about a valid resource are not a reason to refuse it. */
	private static OperationOutcome errorsOf(ValidationResult result) {
		OperationOutcome outcome = (OperationOutcome) result.toOperationOutcome();
		outcome.getIssue().removeIf(issue -> issue.getSeverity() != OperationOutcome.IssueSeverity.ERROR
				&& issue.getSeverity() != OperationOutcome.IssueSeverity.FATAL);
		return outcome;
	}
}
