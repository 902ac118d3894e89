package cn.hulian.server.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.onlinecare.TransactionEntries;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A resource that declares a Hulian profile in {@code meta.profile}, whose type must always conform to one
 * ({@code hulian.validation.required-profiles}: every DocumentReference), or that {@link OnlineCareProfilePolicy} says
 * must conform to one, is validated before it is stored and refused with 422 and an OperationOutcome naming each
 * failing element otherwise. A resource that conforms to a profile it did not declare gets it added to
 * {@code meta.profile}, so the record says what it conforms to. Others are accepted as plain R4.
 */
@Interceptor
public class ProfileValidationInterceptor implements FhirServerInterceptor {

	private final FhirContext fhirContext;
	private final FhirValidator validator;
	private final String profileBase;
	private final Map<String, String> requiredProfiles;
	private final OnlineCareProfilePolicy policy;
	private final boolean enforceOnlineCareProfiles;

	public ProfileValidationInterceptor(
			FhirContext fhirContext,
			IInstanceValidatorModule instanceValidator,
			ProfileValidationProperties properties,
			OnlineCareProfilePolicy policy) {
		this.fhirContext = fhirContext;
		this.validator = fhirContext.newValidator().registerValidatorModule(instanceValidator);
		this.profileBase = properties.profileBase();
		this.requiredProfiles = properties.requiredProfiles();
		this.policy = policy;
		this.enforceOnlineCareProfiles = properties.onlineCare().enabled();
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		validateIfProfiled(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		policy.resourceWritten(resource);
		validateIfProfiled(resource, request);
	}

	private void validateIfProfiled(IBaseResource resource, RequestDetails request) {
		List<String> declared = resource.getMeta().getProfile().stream()
				.map(IPrimitiveType::getValueAsString)
				.toList();
		TransactionEntries transaction = TransactionEntries.of(request);
		Optional<RequiredProfile> required = requiredProfile(resource, transaction)
				.filter(profile -> !declared.contains(profile.url()));
		boolean declaresHulianProfile = declared.stream().anyMatch(profile -> profile != null && profile.startsWith(profileBase));
		if (!declaresHulianProfile && required.isEmpty()) {
			return;
		}
		ValidationOptions options = new ValidationOptions();
		required.ifPresent(profile -> options.addProfile(profile.url()));
		IBaseResource asStored = transaction.withEntryTypes(fhirContext, resource);
		OperationOutcome errors = errorsOf(validator.validateWithResult(asStored, options));
		if (errors.hasIssue()) {
			required.ifPresent(profile -> errors.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
					.setCode(OperationOutcome.IssueType.BUSINESSRULE)
					.setDiagnostics(Messages.get(acceptLanguage(request), profile.reasonKey(), profile.url(),
							resource.fhirType())));
			throw new UnprocessableEntityException(fhirContext, errors);
		}
		required.ifPresent(profile -> resource.getMeta().addProfile(profile.url()));
	}

	/** The profile {@code resource} must conform to whether it declares it or not: for its type, else for online care. */
	private Optional<RequiredProfile> requiredProfile(IBaseResource resource, TransactionEntries transaction) {
		String forItsType = requiredProfiles.get(resource.fhirType());
		if (forItsType != null && !forItsType.isBlank()) {
			return Optional.of(new RequiredProfile(forItsType, "validation.required-profile"));
		}
		if (!enforceOnlineCareProfiles) {
			return Optional.empty();
		}
		return policy.requiredProfile(resource, transaction)
				.map(profile -> new RequiredProfile(profile, "validation.online-care-profile"));
	}

	/** A profile a resource is held to, and the message key saying why. */
	private record RequiredProfile(String url, String reasonKey) {}

	private static String acceptLanguage(RequestDetails request) {
		return request == null ? null : request.getHeader("Accept-Language");
	}

	/** Only the errors: warnings and information about a valid resource are not a reason to refuse it. */
	private static OperationOutcome errorsOf(ValidationResult result) {
		OperationOutcome outcome = (OperationOutcome) result.toOperationOutcome();
		outcome.getIssue().removeIf(issue -> issue.getSeverity() != OperationOutcome.IssueSeverity.ERROR
				&& issue.getSeverity() != OperationOutcome.IssueSeverity.FATAL);
		return outcome;
	}
}
