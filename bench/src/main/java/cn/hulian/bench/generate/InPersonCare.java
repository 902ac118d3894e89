package cn.hulian.bench.generate;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;

/** The visit at the hospital where the chronic disease was diagnosed, which every online follow-up must point back to. */
final class InPersonCare {

	private InPersonCare() {}

	/** An ambulatory (in-person) visit at the hospital. */
	static Encounter visit(CareStory story) {
		Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
		visit.setClass_(new Coding(Systems.ACT_CODE, "AMB", "ambulatory"));
		visit.setSubject(new Reference(story.url("Patient")));
		visit.addParticipant().setIndividual(new Reference(CareSetting.PHYSICIAN));
		visit.getPeriod().setStartElement(ChinaTime.at(story.diagnosed()))
				.setEndElement(ChinaTime.at(story.diagnosed().plusMinutes(15)));
		visit.setServiceProvider(new Reference(CareSetting.HOSPITAL));
		return visit;
	}

	/** The diagnosis made at that visit. */
	static Condition diagnosis(CareStory story) {
		Condition condition = new Condition();
		condition.setClinicalStatus(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
		condition.setVerificationStatus(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null)));
		condition.addCategory(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", null)));
		condition.setCode(story.disease().diagnosis());
		condition.setSubject(new Reference(story.url("Patient")));
		condition.setEncounter(new Reference(story.url("Encounter/in-person")));
		condition.setRecordedDateElement(ChinaTime.at(story.diagnosed().plusMinutes(10)));
		condition.setRecorder(new Reference(CareSetting.PHYSICIAN));
		return condition;
	}
}
