package cn.hulian.bench.generate;

import static cn.hulian.bench.generate.Systems.CODE_SYSTEM;
import static cn.hulian.bench.generate.Systems.EXTENSION;
import static cn.hulian.bench.generate.Systems.PROFILE;

import java.time.LocalDateTime;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;

/**
 * The online follow-up visit and what comes of it, as the regulations want it: a follow-up of the in-person diagnosis
 * by a qualified physician, an e-prescription that takes effect with the pharmacist's approving review (sent in the
 * same transaction, which the rules judge as a whole), and its dispense.
 */
final class OnlineCare {

	private OnlineCare() {}

	static Encounter followUp(CareStory story) {
		Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
		encounter.getMeta().addProfile(PROFILE + "cn-internet-encounter");
		encounter.addExtension(EXTENSION + "cn-consultation-type",
				new Coding(CODE_SYSTEM + "consultation-type", "follow-up", "复诊"));
		encounter.addExtension(EXTENSION + "cn-consultation-channel",
				new Coding(CODE_SYSTEM + "consultation-channel", story.channel(), story.channelName()));
		encounter.addExtension(EXTENSION + "cn-prior-offline-diagnosis", new Reference(story.url("Condition")));
		encounter.setClass_(new Coding(Systems.ACT_CODE, "VR", "virtual"));
		encounter.setSubject(new Reference(story.url("Patient")));
		encounter.addParticipant().setIndividual(new Reference(CareSetting.PHYSICIAN));
		encounter.getPeriod().setStartElement(ChinaTime.at(story.followUp()))
				.setEndElement(ChinaTime.at(story.followUp().plusMinutes(15)));
		encounter.addReasonCode(story.disease().diagnosis());
		encounter.setServiceProvider(new Reference(CareSetting.INTERNET_HOSPITAL));
		return encounter;
	}

	/** Active, valid from the day of the visit for up to 3 days; 28 days of long-term therapy carry the reason. */
	static MedicationRequest prescription(CareStory story) {
		MedicationRequest prescription = new MedicationRequest();
		prescription.getMeta().addProfile(PROFILE + "cn-e-prescription");
		prescription.addExtension(EXTENSION + "cn-dispensing-mode", dispensingMode(story));
		prescription.addIdentifier().setSystem(Systems.PRESCRIPTION_NUMBER)
				.setValue(story.number("RX", story.followUp().toLocalDate()));
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		prescription.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		prescription.setMedication(story.drug().coded());
		prescription.setSubject(new Reference(story.url("Patient")));
		prescription.setEncounter(new Reference(story.url("Encounter/online")));
		prescription.setAuthoredOnElement(ChinaTime.at(story.followUp().plusMinutes(10)));
		prescription.setRequester(new Reference(CareSetting.PHYSICIAN));
		prescription.addReasonReference(new Reference(story.url("Condition")));
		prescription.addDosageInstruction().setText(story.drug().dosage);
		prescription.getDispenseRequest().getValidityPeriod()
				.setStartElement(ChinaTime.day(story.followUp().toLocalDate()))
				.setEndElement(ChinaTime.day(story.followUp().toLocalDate().plusDays(2)));
		prescription.getDispenseRequest().getExpectedSupplyDuration()
				.setValue(story.supplyDays()).setUnit("天").setSystem(Systems.UCUM).setCode("d");
		if (story.isLongTerm()) {
			prescription.setCourseOfTherapyType(new CodeableConcept(new Coding(
					"http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy", "continuous", "长期治疗")));
			prescription.addNote().setText(story.disease().clinicalName + "病情稳定，长期处方，4 周后线上复诊");
		}
		return prescription;
	}

	/** The pharmacist's approving review. */
	static Task review(CareStory story) {
		LocalDateTime authored = story.followUp().plusMinutes(20);
		Task review = new Task();
		review.getMeta().addProfile(PROFILE + "cn-prescription-review");
		review.addIdentifier().setSystem(Systems.HULIAN + "sid/west-china-internet-hospital/review")
				.setValue(story.number("SF", story.followUp().toLocalDate()));
		review.setStatus(Task.TaskStatus.COMPLETED);
		review.getBusinessStatus().addCoding(new Coding(CODE_SYSTEM + "prescription-review-outcome", "approved", "审核通过"));
		review.setIntent(Task.TaskIntent.ORDER);
		review.getCode().setText("处方审核").addCoding()
				.setSystem(Systems.TASK_CODE).setCode("approve").setDisplay("Activate/approve the focal resource");
		review.setFocus(new Reference(story.url("MedicationRequest")));
		review.setFor(new Reference(story.url("Patient")));
		review.setEncounter(new Reference(story.url("Encounter/online")));
		review.getExecutionPeriod().setStartElement(ChinaTime.at(authored.plusMinutes(1)))
				.setEndElement(ChinaTime.at(authored.plusMinutes(4)));
		review.setAuthoredOnElement(ChinaTime.at(authored));
		review.setLastModifiedElement(ChinaTime.at(authored.plusMinutes(4)));
		review.setOwner(new Reference(CareSetting.PHARMACIST_ROLE));
		review.addNote().setText("用法用量适宜，无配伍禁忌，审核通过");
		return review;
	}

	/** Handed over the next day to the patient's home, or two hours later at the hospital pharmacy. */
	static MedicationDispense dispense(CareStory story) {
		MedicationDispense dispense = new MedicationDispense();
		dispense.getMeta().addProfile(PROFILE + "cn-medication-dispense");
		dispense.addExtension(EXTENSION + "cn-dispensing-mode", dispensingMode(story));
		dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
		dispense.setMedication(story.drug().coded());
		dispense.setSubject(new Reference(story.url("Patient")));
		dispense.setContext(new Reference(story.url("Encounter/online")));
		dispense.addPerformer().setActor(new Reference(CareSetting.PHARMACIST_ROLE));
		dispense.addAuthorizingPrescription(new Reference(story.url("MedicationRequest")));
		dispense.getQuantity().setValue(story.tablets()).setUnit("片");
		dispense.getDaysSupply().setValue(story.supplyDays()).setUnit("天").setSystem(Systems.UCUM).setCode("d");
		LocalDateTime prepared = story.followUp().plusMinutes(40);
		dispense.setWhenPreparedElement(ChinaTime.at(prepared));
		dispense.setWhenHandedOverElement(ChinaTime.at(story.homeDelivery() ? prepared.plusDays(1) : prepared.plusHours(2)));
		if (story.homeDelivery()) {
			Person person = story.person();
			Location home = new Location().setName("患者住址").setAddress(new Address().setUse(Address.AddressUse.HOME)
					.setCity(person.residence().city).setDistrict(person.residence().district).setCountry("CN"));
			home.setId("home");
			dispense.addContained(home);
			dispense.setDestination(new Reference("#home"));
			dispense.addReceiver(new Reference(story.url("Patient")));
		}
		dispense.addDosageInstruction().setText(story.drug().dosage);
		return dispense;
	}

	private static Coding dispensingMode(CareStory story) {
		return story.homeDelivery()
				? new Coding(CODE_SYSTEM + "dispensing-mode", "home-delivery", "配送到家")
				: new Coding(CODE_SYSTEM + "dispensing-mode", "hospital-pickup", "医院自取");
	}
}
