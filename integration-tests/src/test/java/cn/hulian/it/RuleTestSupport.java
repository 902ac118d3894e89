package cn.hulian.it;

import static cn.hulian.it.OnlineCareRecords.BASE;
import static cn.hulian.it.OnlineCareRecords.create;
import static cn.hulian.it.OnlineCareRecords.qualifiedPhysician;
import static cn.hulian.it.OnlineCareRecords.diagnosticsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** What the tests of the regulation rules share: the care setting, records to spoil, and the refusal checks. */
abstract class RuleTestSupport extends ServerTestSupport {

	static final String PRIOR_DIAGNOSIS = BASE + "StructureDefinition/cn-prior-offline-diagnosis";
	static final String NHSA_DRUG_CODES = BASE + "CodeSystem/nhsa-drug-code";
	static final String MORPHINE_PROLONGED_RELEASE = "XN02AAM022A010010100978";

	/** The shipped examples, as packaged. */
	static final Path EXAMPLES = Path.of(System.getProperty("hulian.profiles.dir", "../profiles"))
			.resolve("target/fhir-package/package/example");

	protected final OnlineCareRecords records = OnlineCareRecords.storedWith(client);

	/** Breaks IH-FOLLOWUP-001: an online follow-up of a diagnosis that was itself made online. */
	Encounter followUpOfADiagnosisMadeOnline() {
		Encounter firstOnline = store(records.onlineEncounter());
		Condition diagnosedOnline = new Condition().setSubject(new Reference(records.patient))
				.setEncounter(new Reference(idOf(firstOnline)));
		diagnosedOnline.getCode().addCoding(new Coding(OnlineCareRecords.ICD10_CLINICAL, "I10.x00x002", "高血压"));
		Encounter followUp = identified(records.followUpEncounter());
		followUp.getExtensionByUrl(PRIOR_DIAGNOSIS).setValue(new Reference(create(client, diagnosedOnline)));
		return followUp;
	}

	/** Breaks IH-PHYSICIAN-002: an online consultation by a physician practising independently since 2024. */
	Encounter consultationByAJuniorPhysician() {
		Practitioner junior = qualifiedPhysician();
		junior.getExtensionByUrl(BASE + "StructureDefinition/cn-independent-practice-start").setValue(new DateType("2024-09-01"));
		Encounter encounter = identified(records.onlineEncounter());
		encounter.getParticipantFirstRep().setIndividual(new Reference(create(client, junior)));
		return encounter;
	}

	/** Breaks IH-RX-CONTROLLED-003: prolonged-release morphine prescribed online. */
	MedicationRequest prescriptionOfANarcotic() {
		MedicationRequest prescription = prescriptionInANewOnlineEncounter();
		prescription.getMedicationCodeableConcept().addCoding().setSystem(NHSA_DRUG_CODES).setCode(MORPHINE_PROLONGED_RELEASE);
		return prescription;
	}

	/** Breaks IH-RX-VALIDITY-005: a prescription valid for 7 days. */
	MedicationRequest prescriptionValidForAWeek() {
		MedicationRequest prescription = prescriptionInANewOnlineEncounter();
		prescription.getDispenseRequest().getValidityPeriod().getEndElement().setValueAsString("2026-11-28");
		return prescription;
	}

	/** Breaks IH-CHILD-006: a 4-year-old seen online with neither guardian nor accompanying physician. */
	Encounter consultationOfAYoungChildAlone() {
		String child = create(client, new Patient().setBirthDateElement(new DateType("2022-05-01")));
		return identified(records.onlineEncounter()).setSubject(new Reference(child));
	}

	MedicationRequest prescriptionInANewOnlineEncounter() {
		String encounterId = client.create().resource(records.onlineEncounter()).execute().getId().getIdPart();
		return records.electronicPrescription(encounterId);
	}

	MedicationDispense dispenseOf(String prescription) {
		MedicationDispense dispense = new MedicationDispense();
		dispense.getMeta().addProfile(BASE + "StructureDefinition/cn-medication-dispense");
		dispense.addIdentifier().setValue(unique("FY"));
		dispense.addExtension(BASE + "StructureDefinition/cn-dispensing-mode",
				new Coding(BASE + "CodeSystem/dispensing-mode", "hospital-pickup", "院内取药"));
		dispense.setStatus(MedicationDispense.MedicationDispenseStatus.INPROGRESS);
		dispense.getMedicationCodeableConcept().addCoding()
				.setSystem(BASE + "CodeSystem/hospital-drug-catalogue").setCode("AMLO-5").setDisplay("苯磺酸氨氯地平片 5mg");
		dispense.setSubject(new Reference(records.patient));
		dispense.addPerformer().setActor(new Reference(records.pharmacist));
		dispense.addAuthorizingPrescription(new Reference(prescription));
		dispense.getQuantity().setValue(7).setUnit("片");
		return dispense;
	}

	<T extends Resource> T store(T resource) {
		resource.setId(client.create().resource(resource).execute().getId().toUnqualifiedVersionless());
		return resource;
	}

	static String idOf(Resource resource) {
		return resource.getIdElement().toUnqualifiedVersionless().getValue();
	}

	static Encounter identified(Encounter encounter) {
		return encounter.addIdentifier(new Identifier().setValue(unique("JZ")));
	}

	/** A transaction creating each resource under the placeholder full URL that follows it. */
	static Bundle transaction(Object... resourcesAndFullUrls) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < resourcesAndFullUrls.length; i += 2) {
			Resource resource = (Resource) resourcesAndFullUrls[i];
			bundle.addEntry().setFullUrl((String) resourcesAndFullUrls[i + 1]).setResource(resource)
					.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
		}
		return bundle;
	}

	/** Refused with 422 naming the rule and the element (or message fragment), and nothing stored. */
	void assertRefused(Resource resource, String ruleId, String where) {
		assertThatThrownBy(() -> client.create().resource(resource).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains(ruleId, where));
		assertNothingStored(resource);
	}

	/** Nothing stored under the resource's (unique) identifier. */
	void assertNothingStored(Resource resource) {
		String identifier = FHIR.newTerser().getSinglePrimitiveValueOrNull(resource, "identifier.value");
		assertThat(identifier).as("the refused resource has an identifier to look for").isNotNull();
		Bundle stored = client.search().byUrl(resource.fhirType() + "?identifier=" + identifier)
				.returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).isEmpty();
	}

	/** A blood-pressure Observation of the patient, stored and then (softly) deleted; answers its id. */
	String deletedObservation() {
		Observation bloodPressure = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setSubject(new Reference(records.patient));
		bloodPressure.getCode().setText("血压");
		String id = create(client, bloodPressure);
		client.delete().resourceById(new IdType(id)).execute();
		return id;
	}

	/** {@code $expunge}, on the server at {@code fhirBaseUrl}, of a record's deleted and old versions (id {@code Type/1}). */
	HttpResponse<String> expunge(String fhirBaseUrl, String id) {
		String parameters = """
				{"resourceType": "Parameters", "parameter": [
				  {"name": "expungeDeletedResources", "valueBoolean": true},
				  {"name": "expungePreviousVersions", "valueBoolean": true}]}""";
		return send(HttpRequest.newBuilder(URI.create(fhirBaseUrl + "/" + id + "/$expunge"))
				.header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(parameters)));
	}

	/** The shipped example claim (Beijing-insured, treated in Chengdu), re-pointed at this test's records. */
	Claim claimFor(String prescription, String coverage) throws IOException {
		Claim claim = parseExample("Claim-cn-claim-zhang-wei-hypertension-follow-up.json", Claim.class);
		claim.setId((String) null);
		claim.getIdentifierFirstRep().setValue(unique("JS"));
		claim.setPatient(new Reference(records.patient));
		claim.setProvider(new Reference(records.hospital));
		claim.setPrescription(new Reference(prescription));
		claim.getInsuranceFirstRep().setCoverage(new Reference(coverage));
		String encounter = client.read().resource(MedicationRequest.class).withId(prescription).execute()
				.getEncounter().getReference();
		claim.getItem().forEach(item -> item.getEncounterFirstRep().setReference(encounter));
		return claim;
	}

	String coverageInsuredIn(String region) throws IOException {
		Coverage coverage = parseExample("Coverage-cn-coverage-zhang-wei-beijing-employee.json", Coverage.class);
		coverage.setId((String) null);
		coverage.setSubscriber(new Reference(records.patient)).setBeneficiary(new Reference(records.patient));
		((Coding) coverage.getExtensionByUrl(BASE + "StructureDefinition/cn-insured-region").getValue()).setCode(region);
		return create(client, coverage);
	}

	static <T extends Resource> T parseExample(String file, Class<T> type) throws IOException {
		return FHIR.newJsonParser().parseResource(type, Files.readString(EXAMPLES.resolve(file)));
	}
}
