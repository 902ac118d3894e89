package cn.hulian.server.policy;

import cn.hulian.server.onlinecare.OnlineEncounters;
import cn.hulian.server.onlinecare.StoredRecords;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * No online first visit: an online encounter that diagnoses or treats follows up a diagnosis made in person, named in
 * its {@code cn-prior-offline-diagnosis} extension: a Condition of the same patient recorded in an in-person
 * encounter, or an uploaded record (DocumentReference) of it. Where the encounter states its reason, that reason is
 * the same diagnosis. Health consultations and teleconsultations between institutions diagnose nothing and are not
 * concerned. Jurisdictions piloting online first visits are configured as exemptions of this rule.
 */
@Component
public class FollowUpOnlyRule implements OnlineCareRule {

	static final String PRIOR_DIAGNOSIS = "http://hulian.cn/fhir/StructureDefinition/cn-prior-offline-diagnosis";
	static final String CONSULTATION_TYPE = "http://hulian.cn/fhir/StructureDefinition/cn-consultation-type";
	private static final Set<String> NOT_DIAGNOSING = Set.of("health-consultation", "teleconsultation");
	private static final String PATH = "Encounter.extension('" + PRIOR_DIAGNOSIS + "')";

	private final StoredRecords records;
	private final PolicyProperties properties;

	public FollowUpOnlyRule(StoredRecords records, PolicyProperties properties) {
		this.records = records;
		this.properties = properties;
	}

	@Override
	public String id() {
		return "IH-FOLLOWUP-001";
	}

	@Override
	public String source() {
		return "互联网诊疗管理办法（试行）2018 第十六条";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (!(resource instanceof Encounter encounter) || !diagnoses(encounter) || isExempt(encounter)) {
			return List.of();
		}
		Extension prior = encounter.getExtensionByUrl(PRIOR_DIAGNOSIS);
		if (prior == null || !(prior.getValue() instanceof Reference diagnosis)) {
			return List.of(new RuleViolation("Encounter", "policy.first-visit"));
		}
		String patient = encounter.getSubject().getReference();
		Optional<Condition> condition = records.resolve(diagnosis, Condition.class);
		if (condition.isPresent()) {
			return checkCondition(encounter, condition.get(), patient, diagnosis.getReference());
		}
		Optional<DocumentReference> upload = records.resolve(diagnosis, DocumentReference.class);
		if (upload.isPresent()) {
			return patient != null && patient.equals(upload.get().getSubject().getReference())
					? List.of()
					: List.of(new RuleViolation(PATH, "policy.prior-diagnosis-other-patient", diagnosis.getReference()));
		}
		return List.of(new RuleViolation(PATH, "policy.prior-diagnosis-not-stored", diagnosis.getReference()));
	}

	private List<RuleViolation> checkCondition(Encounter encounter, Condition condition, String patient, String reference) {
		if (patient == null || !patient.equals(condition.getSubject().getReference())) {
			return List.of(new RuleViolation(PATH, "policy.prior-diagnosis-other-patient", reference));
		}
		boolean inPerson = records.resolve(condition.getEncounter(), Encounter.class)
				.filter(diagnosedIn -> !OnlineEncounters.isOnline(diagnosedIn))
				.isPresent();
		if (!inPerson) {
			return List.of(new RuleViolation(PATH, "policy.prior-diagnosis-not-in-person", reference));
		}
		if (encounter.hasReasonCode() && encounter.getReasonCode().stream()
				.flatMap(reason -> reason.getCoding().stream())
				.noneMatch(reason -> condition.getCode().getCoding().stream().anyMatch(code -> sameDiagnosis(reason, code)))) {
			return List.of(new RuleViolation("Encounter.reasonCode", "policy.follow-up-other-diagnosis", reference));
		}
		return List.of();
	}

	/** Whether the encounter diagnoses or treats, rather than only advising or consulting between institutions. */
	private static boolean diagnoses(Encounter encounter) {
		Extension type = encounter.getExtensionByUrl(CONSULTATION_TYPE);
		return type == null || !(type.getValue() instanceof Coding coding) || !NOT_DIAGNOSING.contains(coding.getCode());
	}

	/**
	 * The same diagnosis: the same code, or ICD-10 codes of the same category (I10 and I10.x00x002), since the
	 * institution that diagnosed and the internet hospital may code at different depths or in different editions.
	 */
	static boolean sameDiagnosis(Coding a, Coding b) {
		if (a.getCode() == null || b.getCode() == null) {
			return false;
		}
		if (isIcd10(a) && isIcd10(b)) {
			return a.getCode().length() >= 3 && b.getCode().length() >= 3
					&& a.getCode().substring(0, 3).equalsIgnoreCase(b.getCode().substring(0, 3));
		}
		return a.getCode().equals(b.getCode()) && a.getSystem() != null && a.getSystem().equals(b.getSystem());
	}

	private static boolean isIcd10(Coding coding) {
		String system = coding.getSystem() == null ? "" : coding.getSystem().toLowerCase();
		return system.contains("icd10") || system.contains("icd-10");
	}

	private boolean isExempt(Encounter encounter) {
		List<PolicyProperties.Exemption> exemptions = properties.settings(id()).exemptions();
		if (exemptions.isEmpty()) {
			return false;
		}
		Optional<Organization> institution = records.resolve(encounter.getServiceProvider(), Organization.class);
		String region = institution.flatMap(Regions::of).orElse(null);
		Set<String> institutionIds = new HashSet<>();
		institution.ifPresent(organization -> {
			institutionIds.add(organization.getIdElement().getIdPart());
			organization.getIdentifier().forEach(identifier -> institutionIds.add(identifier.getValue()));
		});
		Set<String> departments = new HashSet<>();
		encounter.getServiceType().getCoding().forEach(coding -> departments.add(coding.getCode()));
		return exemptions.stream().anyMatch(exemption -> exemption.covers(region, institutionIds, departments));
	}
}
