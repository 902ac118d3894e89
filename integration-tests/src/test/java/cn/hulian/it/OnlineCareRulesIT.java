package cn.hulian.it;

import static cn.hulian.it.OnlineCareRecords.ACT_CODE;
import static cn.hulian.it.OnlineCareRecords.BASE;
import static cn.hulian.it.OnlineCareRecords.create;
import static cn.hulian.it.OnlineCareRecords.diagnosedInPerson;
import static cn.hulian.it.OnlineCareRecords.diagnosticsOf;
import static cn.hulian.it.OnlineCareRecords.qualifiedPhysician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;

/**
 * The regulations of online care over HTTP: a violating request is refused with 422 naming the rule and the
 * element, nothing of it is stored, and the corrected request goes in. Transactions are judged as a whole.
 */
class OnlineCareRulesIT extends RuleTestSupport {

	// IH-FOLLOWUP-001

	@Test
	void anOnlineFollowUpOfADiagnosisMadeOnlineIsRefusedAndOneMadeInPersonIsAccepted() {
		Encounter followUp = followUpOfADiagnosisMadeOnline();

		assertRefused(followUp, "IH-FOLLOWUP-001", "cn-prior-offline-diagnosis");

		followUp.getExtensionByUrl(PRIOR_DIAGNOSIS).setValue(new Reference(records.diagnosis));
		assertThat(client.create().resource(followUp).execute().getCreated()).isTrue();
	}

	@Test
	void aFollowUpOfAnotherPatientsDiagnosisIsRefused() {
		String otherPatient = create(client, new Patient());
		Encounter followUp = identified(records.followUpEncounter());
		followUp.getExtensionByUrl(PRIOR_DIAGNOSIS)
				.setValue(new Reference(create(client, diagnosedInPerson(client, otherPatient, "I10.x00x002", "高血压"))));

		assertRefused(followUp, "IH-FOLLOWUP-001", "cn-prior-offline-diagnosis");
	}

	@Test
	void aFollowUpForAnotherDiagnosisThanTheOneMadeInPersonIsRefused() {
		Encounter followUp = identified(records.followUpEncounter());
		followUp.addReasonCode(new CodeableConcept(new Coding(OnlineCareRecords.ICD10_CLINICAL, "E11.900", "2型糖尿病")));

		assertRefused(followUp, "IH-FOLLOWUP-001", "Encounter.reasonCode");

		followUp.getReasonCodeFirstRep().getCodingFirstRep().setCode("I10.x00").setDisplay("特发性(原发性)高血压");
		assertThat(client.create().resource(followUp).execute().getCreated()).isTrue();
	}

	@Test
	void anOnlineFirstVisitIsRefusedExceptInAConfiguredPilot() {
		Encounter firstVisit = identified(records.onlineEncounter());
		firstVisit.getExtensionByUrl(BASE + "StructureDefinition/cn-consultation-type")
				.setValue(new Coding(BASE + "CodeSystem/consultation-type", "first-visit", "首诊"));
		firstVisit.setServiceType(new CodeableConcept(new Coding("urn:oid:2.16.156.10011.2.3.3.26", "07", "儿科")));

		assertRefused(firstVisit, "IH-FOLLOWUP-001", "Encounter");

		firstVisit.setServiceProvider(new Reference(create(client, OnlineCareRecords.hospitalIn("330106", "西湖区"))));
		assertThat(client.create().resource(firstVisit).execute().getCreated()).isTrue();
	}

	@Test
	void aFollowUpArrivingInOneTransactionWithTheVisitThatDiagnosedItIsAccepted() {
		String patient = create(client, new Patient());
		Encounter clinicVisit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
				.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory")).setSubject(new Reference(patient));
		Condition diagnosis = new Condition().setSubject(new Reference(patient)).setEncounter(new Reference("urn:uuid:visit"));
		diagnosis.getCode().addCoding(new Coding(OnlineCareRecords.ICD10_CLINICAL, "E11.900", "2型糖尿病"));
		Encounter followUp = records.followUpEncounter().setSubject(new Reference(patient));
		followUp.getExtensionByUrl(PRIOR_DIAGNOSIS).setValue(new Reference("urn:uuid:diagnosis"));
		Bundle transaction = transaction(clinicVisit, "urn:uuid:visit", diagnosis, "urn:uuid:diagnosis", followUp, "urn:uuid:follow-up");

		Bundle response = client.transaction().withBundle(transaction).execute();

		assertThat(response.getEntry()).allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
	}

	// IH-PHYSICIAN-002

	@Test
	void aPhysicianWithLessThanThreeYearsOfIndependentPracticeMayNotPractiseOnline() {
		Encounter encounter = consultationByAJuniorPhysician();

		assertRefused(encounter, "IH-PHYSICIAN-002", "Encounter.participant[0].individual");

		encounter.getParticipantFirstRep().setIndividual(new Reference(records.physician));
		assertThat(client.create().resource(encounter).execute().getCreated()).isTrue();
	}

	@Test
	void aPrescriptionSignedByAPhysicianWithoutRealNameVerificationIsRefused() {
		Practitioner unverified = qualifiedPhysician();
		unverified.getExtension().removeIf(extension -> extension.getUrl().endsWith("cn-real-name-verified"));
		MedicationRequest prescription = prescriptionInANewOnlineEncounter();
		prescription.setRequester(new Reference(create(client, unverified)));

		assertRefused(prescription, "IH-PHYSICIAN-002", "MedicationRequest.requester");
	}

	// IH-RX-CONTROLLED-003

	@Test
	void aNarcoticIsNotPrescribedOnlineButAnUncontrolledDrugIs() {
		MedicationRequest prescription = prescriptionOfANarcotic();

		assertRefused(prescription, "IH-RX-CONTROLLED-003", "MedicationRequest.medicationCodeableConcept.coding[1]");

		prescription.getMedicationCodeableConcept().getCoding().get(1).setCode("XJ05AFE013N001010104929");
		assertThat(client.create().resource(prescription).execute().getCreated()).isTrue();
	}

	@Test
	void theRefusalIsInChineseWhenTheClientAsksForIt() {
		MedicationRequest prescription = prescriptionOfANarcotic();

		assertThatThrownBy(() -> client.create().resource(prescription).withAdditionalHeader("Accept-Language", "zh-CN").execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("IH-RX-CONTROLLED-003", "不得在互联网上开具处方"));
	}

	// IH-RX-REVIEW-004

	@Test
	void aPrescriptionBecomesActiveOnlyAfterThePharmacistApprovesIt() {
		MedicationRequest prescription = store(prescriptionInANewOnlineEncounter());
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);

		assertThatThrownBy(() -> client.update().resource(prescription).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("IH-RX-REVIEW-004", "MedicationRequest.status"));
		assertThat(client.read().resource(MedicationRequest.class).withId(prescription.getIdElement().getIdPart()).execute()
				.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);

		create(client, records.review(idOf(prescription), "approved"));
		assertThat(client.update().resource(prescription).execute().getId().getVersionIdPart()).isEqualTo("2");
	}

	@Test
	void nothingIsDispensedOnAPrescriptionBeforeItIsApproved() {
		MedicationRequest prescription = store(prescriptionInANewOnlineEncounter());
		MedicationDispense dispense = dispenseOf(idOf(prescription));

		assertRefused(dispense, "IH-RX-REVIEW-004", "MedicationDispense.authorizingPrescription[0]");

		create(client, records.review(idOf(prescription), "approved"));
		assertThat(client.create().resource(dispense).execute().getCreated()).isTrue();
	}

	@Test
	void aRejectedPrescriptionStaysBlockedEvenIfApprovedLater() {
		MedicationRequest prescription = store(prescriptionInANewOnlineEncounter());
		create(client, records.review(idOf(prescription), "rejected"));
		create(client, records.review(idOf(prescription), "approved"));

		assertRefused(dispenseOf(idOf(prescription)), "IH-RX-REVIEW-004", "rejected");
	}

	@Test
	void aPrescriptionAndItsApprovingReviewMayArriveInOneTransaction() {
		MedicationRequest prescription = prescriptionInANewOnlineEncounter().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		Bundle transaction = transaction(prescription, "urn:uuid:rx", records.review("urn:uuid:rx", "approved"), "urn:uuid:review");

		Bundle response = client.transaction().withBundle(transaction).execute();

		assertThat(response.getEntry()).allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
	}

	@Test
	void aTransactionWithAnUnapprovedActivePrescriptionIsRefusedWhole() {
		Encounter encounter = identified(records.onlineEncounter());
		MedicationRequest prescription = records.electronicPrescription("placeholder")
				.setEncounter(new Reference("urn:uuid:encounter"))
				.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		Bundle transaction = transaction(encounter, "urn:uuid:encounter", prescription, "urn:uuid:rx");

		assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("IH-RX-REVIEW-004"));
		assertNothingStored(encounter);
	}

	// IH-RX-VALIDITY-005

	@Test
	void aPrescriptionValidForMoreThanThreeDaysIsRefused() {
		MedicationRequest prescription = prescriptionValidForAWeek();

		assertRefused(prescription, "IH-RX-VALIDITY-005", "MedicationRequest.dispenseRequest.validityPeriod");

		prescription.getDispenseRequest().getValidityPeriod().getEndElement().setValueAsString("2026-11-24");
		assertThat(client.create().resource(prescription).execute().getCreated()).isTrue();
	}

	@Test
	void fourWeeksOfSupplyNeedLongTermTherapyWithTheReasonStated() {
		MedicationRequest prescription = prescriptionInANewOnlineEncounter();
		prescription.getDispenseRequest().getExpectedSupplyDuration().setValue(28);

		assertRefused(prescription, "IH-RX-VALIDITY-005", "MedicationRequest.dispenseRequest.expectedSupplyDuration");

		prescription.getCourseOfTherapyType().addCoding()
				.setSystem("http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy").setCode("continuous");
		prescription.addNote().setText("高血压病情稳定，长期规律服药，开具 4 周用量");
		assertThat(client.create().resource(prescription).execute().getCreated()).isTrue();
	}

	// IH-CHILD-006

	@Test
	void aChildUnderSixIsSeenOnlineOnlyWithAGuardianAndAnAccompanyingPhysician() {
		Encounter encounter = consultationOfAYoungChildAlone();
		String child = encounter.getSubject().getReference();

		assertRefused(encounter, "IH-CHILD-006", "Encounter.participant");

		RelatedPerson mother = new RelatedPerson().setPatient(new Reference(child));
		mother.addRelationship(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "MTH", "mother")));
		encounter.addParticipant().setIndividual(new Reference(create(client, mother)));
		Practitioner besideTheChild = new Practitioner().addName(new HumanName().setText("社区儿科医生"));
		encounter.addParticipant().setIndividual(new Reference(create(client, besideTheChild)))
				.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "ESC", "escort")));
		assertThat(client.create().resource(encounter).execute().getCreated()).isTrue();
	}
}
