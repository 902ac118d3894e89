package cn.hulian.server.policy;

import cn.hulian.server.onlinecare.StoredRecords;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.springframework.stereotype.Component;

/**
 * A child under 6 on the day of an online encounter is seen with a guardian and an accompanying physician taking part:
 * a participant who is a RelatedPerson of the child, and a physician participant of type {@code ESC} at the child's
 * side.
 */
@Component
public class YoungChildRule implements OnlineCareRule {

	static final int YOUNG_CHILD_AGE = 6;

	private final StoredRecords records;

	public YoungChildRule(StoredRecords records) {
		this.records = records;
	}

	@Override
	public String id() {
		return "IH-CHILD-006";
	}

	@Override
	public String source() {
		return "互联网诊疗管理办法（试行）2018 第十九条: 为 6 岁以下儿童诊疗须确认有监护人和相关专业医师陪伴";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (!(resource instanceof Encounter encounter)) {
			return List.of();
		}
		Optional<LocalDate> birthDate = records.resolve(encounter.getSubject(), Patient.class)
				.filter(Patient::hasBirthDate)
				.map(patient -> ChinaDates.day(patient.getBirthDateElement()));
		LocalDate day = ChinaDates.day(encounter.getPeriod().getStart());
		if (birthDate.isEmpty() || Period.between(birthDate.get(), day).getYears() >= YOUNG_CHILD_AGE) {
			return List.of();
		}
		String child = encounter.getSubject().getReference();
		List<RuleViolation> violations = new ArrayList<>();
		boolean guardian = encounter.getParticipant().stream()
				.map(participant -> records.resolve(participant.getIndividual(), RelatedPerson.class))
				.flatMap(Optional::stream)
				.anyMatch(person -> child.equals(person.getPatient().getReference()));
		if (!guardian) {
			violations.add(new RuleViolation("Encounter.participant", "policy.child-without-guardian", child));
		}
		boolean accompanyingPhysician = encounter.getParticipant().stream()
				.anyMatch(participant -> PhysicianQualificationRule.isAccompanying(participant)
						&& PhysicianQualificationRule.isPhysician(participant.getIndividual()));
		if (!accompanyingPhysician) {
			violations.add(new RuleViolation("Encounter.participant", "policy.child-without-physician", child));
		}
		return violations;
	}
}
