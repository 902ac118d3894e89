package cn.hulian.it;

import static cn.hulian.it.OnlineCareRecords.ACT_CODE;
import static cn.hulian.it.OnlineCareRecords.BASE;
import static cn.hulian.it.OnlineCareRecords.diagnosticsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/**
 * Online encounters, the prescriptions issued in them and those prescriptions' reviews, dispenses and claims must
 * conform to the Hulian profiles, declared or not.
 */
class OnlineCarePolicyIT extends ServerTestSupport {

	private final OnlineCareRecords records = OnlineCareRecords.storedWith(client);

	@Test
	void anOnlineEncounterThatDoesNotDeclareTheProfileIsStillHeldToIt() {
		Encounter incomplete = new Encounter();
		incomplete.setStatus(Encounter.EncounterStatus.FINISHED);
		incomplete.setClass_(new Coding(ACT_CODE, "VR", "virtual"));
		incomplete.setSubject(new Reference("Patient/" + unique("p")));

		assertThatThrownBy(() -> client.create().resource(incomplete).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("cn-internet-encounter", "consultationType"));
	}

	@Test
	void aConformingOnlineEncounterIsStoredWithTheProfileItConformsTo() {
		Encounter encounter = records.onlineEncounter();

		String id = client.create().resource(encounter).execute().getId().getIdPart();

		Encounter stored = client.read().resource(Encounter.class).withId(id).execute();
		assertThat(stored.getMeta().getProfile()).extracting(CanonicalType::getValue)
				.contains(BASE + "StructureDefinition/cn-internet-encounter");
	}

	@Test
	void anInPersonEncounterIsAcceptedAsPlainR4() {
		Encounter inPerson = new Encounter();
		inPerson.setStatus(Encounter.EncounterStatus.FINISHED);
		inPerson.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));

		assertThat(client.create().resource(inPerson).execute().getCreated()).isTrue();
	}

	@Test
	void aPrescriptionIssuedInAnOnlineEncounterMustBeAnElectronicPrescription() {
		String encounterId = client.create().resource(records.onlineEncounter()).execute().getId().getIdPart();
		MedicationRequest prescription = new MedicationRequest();
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		prescription.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		prescription.getMedicationCodeableConcept().setText("苯磺酸氨氯地平片 5mg");
		prescription.setSubject(new Reference("Patient/" + unique("p")));
		prescription.setEncounter(new Reference("Encounter/" + encounterId));

		assertThatThrownBy(() -> client.create().resource(prescription).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("cn-e-prescription", "prescriptionNumber"));
	}

	@Test
	void aPrescriptionArrivingInOneTransactionWithItsOnlineEncounterIsHeldToTheProfileToo() {
		MedicationRequest prescription = new MedicationRequest();
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
		prescription.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		prescription.getMedicationCodeableConcept().setText("苯磺酸氨氯地平片 5mg");
		prescription.setEncounter(new Reference("urn:uuid:online-visit"));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl("urn:uuid:online-visit").setResource(records.onlineEncounter())
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Encounter");
		transaction.addEntry().setFullUrl("urn:uuid:rx").setResource(prescription)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("MedicationRequest");

		assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("cn-e-prescription", "prescriptionNumber"));
	}

	@Test
	void theReviewOfAnOnlinePrescriptionMustConformToThePrescriptionReviewProfile() {
		Task review = new Task();
		review.setStatus(Task.TaskStatus.COMPLETED);
		review.setIntent(Task.TaskIntent.ORDER);
		review.getCode().addCoding().setSystem("http://hl7.org/fhir/CodeSystem/task-code").setCode("approve");
		review.setFocus(new Reference("MedicationRequest/" + storedOnlinePrescription()));

		assertThatThrownBy(() -> client.create().resource(review).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("cn-prescription-review", "Task.owner"));
	}

	@Test
	void anotherTaskInAnOnlineEncounterIsAcceptedAsPlainR4() {
		String encounterId = client.create().resource(records.onlineEncounter()).execute().getId().getIdPart();
		Task callBack = new Task();
		callBack.setStatus(Task.TaskStatus.REQUESTED);
		callBack.setIntent(Task.TaskIntent.ORDER);
		callBack.getCode().addCoding().setSystem("http://hl7.org/fhir/CodeSystem/task-code").setCode("fulfill");
		callBack.setEncounter(new Reference("Encounter/" + encounterId));

		assertThat(client.create().resource(callBack).execute().getCreated()).isTrue();
	}

	@Test
	void theDispenseOfAnOnlinePrescriptionMustConformToTheDispenseProfile() {
		MedicationDispense dispense = new MedicationDispense();
		dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
		dispense.getMedicationCodeableConcept().setText("苯磺酸氨氯地平片 5mg");
		dispense.addAuthorizingPrescription(new Reference("MedicationRequest/" + storedOnlinePrescription()));

		assertThatThrownBy(() -> client.create().resource(dispense).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("cn-medication-dispense", "dispensingMode"));
	}

	@Test
	void aClaimForAnOnlinePrescriptionMustConformToTheClaimProfile() {
		Claim claim = new Claim();
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setUse(Claim.Use.CLAIM);
		claim.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/claim-type").setCode("pharmacy");
		claim.setPatient(new Reference("Patient/" + unique("p")));
		claim.setCreatedElement(new DateTimeType("2026-11-22T10:30:00+08:00"));
		claim.setProvider(new Reference("Organization/" + unique("ih")));
		claim.getPriority().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/processpriority").setCode("normal");
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/" + unique("cov")));
		claim.setPrescription(new Reference("MedicationRequest/" + storedOnlinePrescription()));

		assertThatThrownBy(() -> client.create().resource(claim).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("cn-claim", "treatmentRegion"));
	}

	/** An electronic prescription issued in a new online encounter, as the shipped example shapes it. */
	private String storedOnlinePrescription() {
		String encounterId = client.create().resource(records.onlineEncounter()).execute().getId().getIdPart();
		return client.create().resource(records.electronicPrescription(encounterId)).execute().getId().getIdPart();
	}
}
