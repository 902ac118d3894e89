package cn.hulian.it;

import static cn.hulian.it.ServerTestSupport.unique;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

/** Records of online care as the shipped examples shape them, for tests to store or spoil. */
final class OnlineCareRecords {

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	static final String BASE = "http://hulian.cn/fhir/";

	private OnlineCareRecords() {}

	/** A conforming online health consultation of a new patient. */
	static Encounter onlineEncounter() {
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

	/** A conforming electronic prescription of amlodipine for 7 days, valid 3 days, issued in {@code encounterId}. */
	static MedicationRequest electronicPrescription(String encounterId) {
		MedicationRequest prescription = new MedicationRequest();
		prescription.getMeta().addProfile(BASE + "StructureDefinition/cn-e-prescription");
		prescription.addExtension(BASE + "StructureDefinition/cn-dispensing-mode",
				new Coding(BASE + "CodeSystem/dispensing-mode", "home-delivery", "配送到家"));
		prescription.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.20").setValue(unique("RX"));
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		prescription.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		prescription.getMedicationCodeableConcept().addCoding()
				.setSystem(BASE + "CodeSystem/hospital-drug-catalogue").setCode("AMLO-5").setDisplay("苯磺酸氨氯地平片 5mg");
		prescription.setSubject(new Reference("Patient/" + unique("p")));
		prescription.setEncounter(new Reference("Encounter/" + encounterId));
		prescription.setAuthoredOnElement(new DateTimeType("2026-11-22T10:10:00+08:00"));
		prescription.setRequester(new Reference("Practitioner/" + unique("dr")));
		prescription.addDosageInstruction().setText("每日一次，每次 5mg，口服");
		prescription.getDispenseRequest().getValidityPeriod()
				.setStartElement(new DateTimeType("2026-11-22")).setEndElement(new DateTimeType("2026-11-24"));
		prescription.getDispenseRequest().getExpectedSupplyDuration()
				.setValue(7).setUnit("天").setSystem("http://unitsofmeasure.org").setCode("d");
		return prescription;
	}

	/** Each issue of the refusal as "diagnostics @ expression", one per line. */
	static String diagnosticsOf(UnprocessableEntityException e) {
		OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
		return outcome.getIssue().stream()
				.map(issue -> issue.getDiagnostics() + " @ " + issue.getExpression())
				.reduce("", (a, b) -> a + "\n" + b);
	}
}
