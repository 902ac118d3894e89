package cn.hulian.server.validation;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import cn.hulian.server.database.TransactionScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * HAPI's instance validator, configured as HAPI configured its own, that builds the HL7 {@link InstanceValidator}
 * underneath once per database transaction instead of once per resource: building one re-reads an OID table and sets
 * up three FHIRPath engines, a tenth of the CPU of a transaction's writes. The entries of a transaction are then
 * validated by one validator, as the HL7 validator does with the entries of a Bundle; outside a transaction each
 * resource gets its own. What is validated, and the messages, are HAPI's: only JSON is validated this way (HAPI's
 * {@code FhirValidator} sends JSON), anything else goes to HAPI's own path.
 */
class ValidatorPerTransaction extends FhirInstanceValidator {

	ValidatorPerTransaction(FhirInstanceValidator configured) {
		super(configured.getValidationSupport());
		setWrappedWorkerContext(configured.getValidationSupport(), configured.getWorkerContext());
		setBestPracticeWarningLevel(configured.getBestPracticeWarningLevel());
		setAnyExtensionsAllowed(configured.isAnyExtensionsAllowed());
		setErrorForUnknownProfiles(configured.isErrorForUnknownProfiles());
		setNoTerminologyChecks(configured.isNoTerminologyChecks());
		setNoExtensibleWarnings(configured.isNoExtensibleWarnings());
		setNoBindingMsgSuppressed(configured.isNoBindingMsgSuppressed());
		setCustomExtensionDomains(configured.getExtensionDomains());
		setValidatorPolicyAdvisor(configured.getValidatorPolicyAdvisor());
		setValidatorResourceFetcher(configured.getValidatorResourceFetcher());
		setAssumeValidRestReferences(configured.isAssumeValidRestReferences());
		setHostApplicationServices(configured.getHostApplicationServices());
		setAllowExamples(configured.isAllowExamples());
	}

	@Override
	protected List<ValidationMessage> validate(IValidationContext<?> context) {
		if (context.getResourceAsStringEncoding() != EncodingEnum.JSON
				|| !(context.getResource() instanceof IBaseResource resource)) {
			return super.validate(context);
		}
		IWorkerContext worker = provideWorkerContext();
		InstanceValidator validator = TransactionScoped.get(OfOneTransaction.class, () -> new OfOneTransaction(build(worker)))
				.map(OfOneTransaction::validator)
				.orElseGet(() -> build(worker));
		List<StructureDefinition> profiles = new ArrayList<>();
		List<ValidationMessage> unknownProfiles = new ArrayList<>();
		Stream.concat(context.getOptions().getProfiles().stream(), declaredProfiles(resource))
				.forEach(url -> addProfile(worker, url, profiles, unknownProfiles));

		List<ValidationMessage> messages = new ArrayList<>();
		byte[] json = context.getResourceAsString().getBytes(StandardCharsets.UTF_8);
		validator.validate(context.getOptions().getAppContext(), messages, new ByteArrayInputStream(json),
				Manager.FhirFormat.JSON, profiles);
		if (profiles.isEmpty()) {
			messages.addAll(unknownProfiles);
		}
		return withHapiAdjustments(messages);
	}

	/** Configured as HAPI configures each of its own. */
	private InstanceValidator build(IWorkerContext worker) {
		InstanceValidator validator;
		try {
			validator = new InstanceValidator(worker,
					Objects.requireNonNullElseGet(getHostApplicationServices(), NullEvaluationContext::new),
					new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
		} catch (Exception unusable) {
			throw new IllegalStateException("The profile validator cannot be set up", unusable);
		}
		validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
		validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
		validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
		validator.setResourceIdRule(IdStatus.OPTIONAL);
		validator.setNoTerminologyChecks(isNoTerminologyChecks());
		validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
		validator.setUnknownCodeSystemsCauseErrors(true);
		validator.getExtensionDomains().addAll(getExtensionDomains());
		validator.setFetcher(getValidatorResourceFetcher());
		validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
		validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
		validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
		validator.setAllowExamples(isAllowExamples());
		validator.setAllowXsiLocation(true);
		return validator;
	}

	private static Stream<String> declaredProfiles(IBaseResource resource) {
		return resource.getMeta().getProfile().stream().map(IPrimitiveType::getValueAsString).filter(Objects::nonNull);
	}

	private static void addProfile(
			IWorkerContext worker, String url, List<StructureDefinition> profiles, List<ValidationMessage> unknown) {
		StructureDefinition profile;
		try {
			profile = worker.fetchResource(StructureDefinition.class, url);
		} catch (FHIRException unreadable) {
			return; // as HAPI: a profile that cannot be read is left out, and the validator says so
		}
		if (profile != null) {
			profiles.add(profile);
		} else {
			unknown.add(new ValidationMessage().setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
					.setLevel(ValidationMessage.IssueSeverity.ERROR)
					.setMessage("Invalid profile. Failed to retrieve profile with url=" + url));
		}
	}

	/** The messages HAPI drops, and the level HAPI gives an unknown profile. */
	private List<ValidationMessage> withHapiAdjustments(List<ValidationMessage> messages) {
		List<ValidationMessage> kept = new ArrayList<>();
		for (ValidationMessage message : messages) {
			String id = message.getMessageId();
			boolean dropped = I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(id)
					|| (I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND.equals(id)
							&& message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"));
			if (dropped) {
				continue;
			}
			if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
					|| I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id)) {
				message.setLevel(isErrorForUnknownProfiles()
						? ValidationMessage.IssueSeverity.ERROR
						: ValidationMessage.IssueSeverity.WARNING);
			}
			kept.add(message);
		}
		return kept;
	}

	/** The validator of one database transaction, dropped with it. */
	private record OfOneTransaction(InstanceValidator validator) implements TransactionSynchronization {}
}
