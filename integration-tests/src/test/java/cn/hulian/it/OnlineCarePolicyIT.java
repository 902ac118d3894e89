package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Online encounters and the prescriptions issued in them must conform to the Hulian profiles, declared or not. */
class OnlineCarePolicyIT extends ServerTestSupport {

	private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	private static final String BASE = "http://hulian.cn/fhir/";

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
		Encounter encounter = onlineEncounter();

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
		String encounterId = client.create().resource(onlineEncounter()).execute().getId().getIdPart();
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

	private Encounter onlineEncounter() {
		Encounter encounter = new Encounter();
		encounter.setStatus(Encounter.EncounterStatus.FINISHED);
		encounter.setClass_(new Coding(ACT_CODE, "VR", "virtual"));
		encounter.addExtension(BASE + "StructureDefinition/cn-consultation-type",
				new Coding(BASE + "CodeSystem/consultation-type", "health-consultation", "健康咨询"));
		encounter.addExtension(BASE + "StructureDefinition/cn-consultation-channel",
				new Coding(BASE + "CodeSystem/consultation-channel", "text", "图文"));
		encounter.setSubject(new Reference("Patient/" + unique("p")));
		encounter.addParticipant().setIndividual(new Reference("Practitioner/" + unique("dr")));
		encounter.getPeriod().setStartElement(new DateTimeType("2026-11-22T10:00:00+08:00"));
		encounter.setServiceProvider(new Reference("Organization/" + unique("ih")));
		return encounter;
	}

	private static String diagnosticsOf(UnprocessableEntityException e) {
		OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
		return outcome.getIssue().stream()
				.map(issue -> issue.getDiagnostics() + " @ " + issue.getExpression())
				.reduce("", (a, b) -> a + "\n" + b);
	}
}
