package cn.hulian.server.policy;

import cn.hulian.server.onlinecare.StoredRecords;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * The physician of an online encounter or prescription is qualified on that day: a stored Practitioner with a
 * practising licence number, at least three years of independent clinical practice and real-name verification. The
 * physician who accompanies a young child at the patient's side (participant type {@code ESC}) does not practise
 * online and is not concerned.
 */
@Component
public class PhysicianQualificationRule implements OnlineCareRule {

	static final String PRACTISING_LICENCE = "urn:oid:2.16.156.10011.1.4";
	static final String PRACTICE_START = "http://hulian.cn/fhir/StructureDefinition/cn-independent-practice-start";
	static final String REAL_NAME_VERIFIED = "http://hulian.cn/fhir/StructureDefinition/cn-real-name-verified";
	static final String ACCOMPANYING = "ESC";
	static final int MIN_YEARS_OF_PRACTICE = 3;

	private final StoredRecords records;

	public PhysicianQualificationRule(StoredRecords records) {
		this.records = records;
	}

	@Override
	public String id() {
		return "IH-PHYSICIAN-002";
	}

	@Override
	public String source() {
		return "互联网诊疗管理办法（试行）2018: 医师应具有 3 年以上独立临床工作经验，并进行电子实名认证";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (resource instanceof Encounter encounter) {
			List<RuleViolation> violations = new ArrayList<>();
			for (int i = 0; i < encounter.getParticipant().size(); i++) {
				Encounter.EncounterParticipantComponent participant = encounter.getParticipant().get(i);
				if (isPhysician(participant.getIndividual()) && !isAccompanying(participant)) {
					violations.addAll(check(participant.getIndividual(), ChinaDates.day(encounter.getPeriod().getStart()),
							"Encounter.participant[" + i + "].individual"));
				}
			}
			return violations;
		}
		if (resource instanceof MedicationRequest prescription && isPhysician(prescription.getRequester())) {
			return check(prescription.getRequester(), ChinaDates.day(prescription.getAuthoredOn()), "MedicationRequest.requester");
		}
		return List.of();
	}

	private List<RuleViolation> check(Reference physician, LocalDate day, String path) {
		Optional<Practitioner> found = practitioner(physician);
		if (found.isEmpty()) {
			return List.of(new RuleViolation(path, "policy.physician-not-stored", physician.getReference()));
		}
		Practitioner practitioner = found.get();
		String who = physician.getReference();
		List<RuleViolation> violations = new ArrayList<>();
		boolean licensed = practitioner.getIdentifier().stream()
				.anyMatch(identifier -> PRACTISING_LICENCE.equals(identifier.getSystem()) && identifier.hasValue());
		if (!licensed || (practitioner.hasActive() && !practitioner.getActive())) {
			violations.add(new RuleViolation(path, "policy.physician-no-licence", who));
		}
		Optional<LocalDate> practisingSince = extensionDate(practitioner, PRACTICE_START);
		if (practisingSince.isEmpty() || practisingSince.get().plusYears(MIN_YEARS_OF_PRACTICE).isAfter(day)) {
			violations.add(new RuleViolation(path, "policy.physician-experience", who,
					practisingSince.map(LocalDate::toString).orElse("?"), MIN_YEARS_OF_PRACTICE));
		}
		Optional<LocalDate> verified = extensionDate(practitioner, REAL_NAME_VERIFIED);
		if (verified.isEmpty() || verified.get().isAfter(day)) {
			violations.add(new RuleViolation(path, "policy.physician-not-verified", who));
		}
		return violations;
	}

	/** The practitioner itself, or the one a PractitionerRole is held by. */
	private Optional<Practitioner> practitioner(Reference physician) {
		return records.resolve(physician, Practitioner.class).or(() -> records.resolve(physician, PractitionerRole.class)
				.flatMap(role -> records.resolve(role.getPractitioner(), Practitioner.class)));
	}

	static boolean isPhysician(Reference reference) {
		String type = reference.getReferenceElement().getResourceType();
		return "Practitioner".equals(type) || "PractitionerRole".equals(type);
	}

	static boolean isAccompanying(Encounter.EncounterParticipantComponent participant) {
		return participant.getType().stream()
				.flatMap(type -> type.getCoding().stream())
				.anyMatch(coding -> ACCOMPANYING.equals(coding.getCode()));
	}

	private static Optional<LocalDate> extensionDate(Practitioner practitioner, String url) {
		Extension extension = practitioner.getExtensionByUrl(url);
		if (extension == null) {
			return Optional.empty();
		}
		if (extension.getValue() instanceof DateType date && date.getValue() != null) {
			return Optional.of(ChinaDates.day(date));
		}
		if (extension.getValue() instanceof DateTimeType dateTime && dateTime.getValue() != null) {
			return Optional.of(ChinaDates.day(dateTime.getValue()));
		}
		return Optional.empty();
	}
}
