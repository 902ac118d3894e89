package cn.hulian.it;

import static cn.hulian.it.ServerTestSupport.unique;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * Records of online care as the shipped examples shape them, for tests to store or spoil, around a care setting
 * stored once: an internet hospital in Chengdu, a qualified physician, a pharmacist, and an adult patient whose
 * hypertension was diagnosed at an in-person visit.
 */
final class OnlineCareRecords {

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	static final String BASE = "http://hulian.cn/fhir/";
	static final String ICD10_CLINICAL = BASE + "CodeSystem/icd10-cn-clinical-2";
	static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";

	private static OnlineCareRecords stored;

	final String hospital;
	final String physician;
	final String pharmacist;
	final String patient;
	final String diagnosis;

	private OnlineCareRecords(String hospital, String physician, String pharmacist, String patient, String diagnosis) {
		this.hospital = hospital;
		this.physician = physician;
		this.pharmacist = pharmacist;
		this.patient = patient;
		this.diagnosis = diagnosis;
	}

	/** The care setting, stored on the server the first time a test asks for it. */
	static synchronized OnlineCareRecords storedWith(IGenericClient client) {
		if (stored == null) {
			String hospital = create(client, hospitalIn("510107", "武侯区"));
			String physician = create(client, qualifiedPhysician());
			String pharmacist = create(client, new PractitionerRole()
					.setPractitioner(new Reference(create(client, qualifiedPhysician())))
					.setOrganization(new Reference(hospital))
					.addCode(new CodeableConcept(new Coding(BASE + "CodeSystem/practitioner-role", "pharmacist", "药师"))));
			String patient = create(client, new Patient().setBirthDateElement(new DateType("1962-03-08")));
			String diagnosis = create(client, diagnosedInPerson(client, patient, "I10.x00x002", "高血压"));
			stored = new OnlineCareRecords(hospital, physician, pharmacist, patient, diagnosis);
		}
		return stored;
	}

	/** A conforming online health consultation, which diagnoses nothing. */
	Encounter onlineEncounter() {
		Encounter encounter = new Encounter();
		encounter.setStatus(Encounter.EncounterStatus.FINISHED);
		encounter.setClass_(new Coding(ACT_CODE, "VR", "virtual"));
		encounter.addExtension(BASE + "StructureDefinition/cn-consultation-type",
				new Coding(BASE + "CodeSystem/consultation-type", "health-consultation", "健康咨询"));
		encounter.addExtension(BASE + "StructureDefinition/cn-consultation-channel",
				new Coding(BASE + "CodeSystem/consultation-channel", "text", "图文"));
		encounter.setSubject(new Reference(patient));
		encounter.addParticipant().setIndividual(new Reference(physician));
		encounter.getPeriod().setStartElement(new DateTimeType("2026-11-22T10:00:00+08:00"));
		encounter.setServiceProvider(new Reference(hospital));
		return encounter;
	}

	/** A conforming online follow-up of the patient's hypertension diagnosed in person. */
	Encounter followUpEncounter() {
		Encounter encounter = onlineEncounter();
		encounter.getExtensionByUrl(BASE + "StructureDefinition/cn-consultation-type")
				.setValue(new Coding(BASE + "CodeSystem/consultation-type", "follow-up", "复诊"));
		encounter.addExtension(BASE + "StructureDefinition/cn-prior-offline-diagnosis", new Reference(diagnosis));
		return encounter;
	}

	/**
	 * A conforming electronic prescription of amlodipine for 7 days, valid 3 days, issued in {@code encounterId}
	 * and waiting for the pharmacist's review (draft).
	 */
	MedicationRequest electronicPrescription(String encounterId) {
		MedicationRequest prescription = new MedicationRequest();
		prescription.getMeta().addProfile(BASE + "StructureDefinition/cn-e-prescription");
		prescription.addExtension(BASE + "StructureDefinition/cn-dispensing-mode",
				new Coding(BASE + "CodeSystem/dispensing-mode", "home-delivery", "配送到家"));
		prescription.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.20").setValue(unique("RX"));
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
		prescription.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		prescription.getMedicationCodeableConcept().addCoding()
				.setSystem(BASE + "CodeSystem/hospital-drug-catalogue").setCode("AMLO-5").setDisplay("苯磺酸氨氯地平片 5mg");
		prescription.setSubject(new Reference(patient));
		prescription.setEncounter(new Reference("Encounter/" + encounterId));
		prescription.setAuthoredOnElement(new DateTimeType("2026-11-22T10:10:00+08:00"));
		prescription.setRequester(new Reference(physician));
		prescription.addDosageInstruction().setText("每日一次，每次 5mg，口服");
		prescription.getDispenseRequest().getValidityPeriod()
				.setStartElement(new DateTimeType("2026-11-22")).setEndElement(new DateTimeType("2026-11-24"));
		prescription.getDispenseRequest().getExpectedSupplyDuration()
				.setValue(7).setUnit("天").setSystem("http://unitsofmeasure.org").setCode("d");
		return prescription;
	}

	/** The pharmacist's completed review of {@code prescription} (e.g. MedicationRequest/1) with {@code outcome}. */
	Task review(String prescription, String outcome) {
		Task review = new Task();
		review.getMeta().addProfile(BASE + "StructureDefinition/cn-prescription-review");
		review.setStatus(Task.TaskStatus.COMPLETED);
		review.getBusinessStatus().addCoding(new Coding(BASE + "CodeSystem/prescription-review-outcome", outcome, null));
		review.setIntent(Task.TaskIntent.ORDER);
		review.getCode().addCoding().setSystem(TASK_CODES).setCode("approve");
		review.setFocus(new Reference(prescription));
		review.setFor(new Reference(patient));
		review.setAuthoredOnElement(new DateTimeType("2026-11-22T10:12:00+08:00"));
		review.setOwner(new Reference(pharmacist));
		if (!"approved".equals(outcome)) {
			review.getStatusReason().setText("剂量与肾功能不符");
		}
		return review;
	}

	/** A physician with a practising licence, 10 years of independent practice and real-name verification. */
	static Practitioner qualifiedPhysician() {
		Practitioner physician = new Practitioner();
		physician.addExtension(BASE + "StructureDefinition/cn-independent-practice-start", new DateType("2016-07-01"));
		physician.addExtension(BASE + "StructureDefinition/cn-real-name-verified", new DateTimeType("2024-03-01T09:30:00+08:00"));
		physician.addIdentifier().setSystem("urn:oid:2.16.156.10011.1.4").setValue(unique("1105100"));
		physician.addName().setText("赵医生");
		return physician;
	}

	/** {@code patient}'s condition diagnosed at an in-person (ambulatory) visit. */
	static Condition diagnosedInPerson(IGenericClient client, String patient, String icd10, String display) {
		Encounter visit = new Encounter();
		visit.setStatus(Encounter.EncounterStatus.FINISHED);
		visit.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
		visit.setSubject(new Reference(patient));
		Condition condition = new Condition();
		condition.getCode().addCoding(new Coding(ICD10_CLINICAL, icd10, display));
		condition.setSubject(new Reference(patient));
		condition.setEncounter(new Reference(create(client, visit)));
		return condition;
	}

	/** An internet hospital whose address lies in the GB/T 2260 {@code division}. */
	static Organization hospitalIn(String division, String name) {
		Organization hospital = new Organization();
		hospital.setName("测试互联网医院（" + name + "）");
		hospital.addAddress().addExtension(BASE + "StructureDefinition/cn-address-division",
				new Coding(BASE + "CodeSystem/gbt-2260-division", division, name));
		return hospital;
	}

	/** Stores {@code resource} and answers its id, e.g. {@code Patient/123}. */
	static String create(IGenericClient client, Resource resource) {
		return client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
	}

	/** Each issue of the refusal as "diagnostics @ expression", one per line. */
	static String diagnosticsOf(UnprocessableEntityException e) {
		OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
		return outcome.getIssue().stream()
				.map(issue -> issue.getDiagnostics() + " @ " + issue.getExpression())
				.reduce("", (a, b) -> a + "\n" + b);
	}
}
