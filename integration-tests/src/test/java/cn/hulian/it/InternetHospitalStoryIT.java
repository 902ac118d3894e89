package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * One patient's care across institutions and provinces, told over HTTP in the order the systems send it, with every
 * regulation rule on: Zhang Wei, insured in Beijing, has his hypertension diagnosed at a county hospital; follows it
 * up online at the West China internet hospital in Chengdu with a qualified physician; gets an e-prescription that a
 * pharmacist approves and that is delivered home; his chronic-disease plan is updated; the claim is settled
 * off-site. Afterwards everything is readable, the prescription's history included.
 */
class InternetHospitalStoryIT extends ServerTestSupport {

	private static final Path CONTEXT = Path.of("src/test/resources/example-context");
	private static final String BASE = OnlineCareRecords.BASE;

	/** Example ids (e.g. Patient/cn-patient-zhang-wei) and the ids the server gave this story's records. */
	private final Map<String, String> stored = new HashMap<>();

	@Test
	void aPatientsOnlineFollowUpFromDiagnosisToOffSiteSettlement() throws IOException {
		// The institutions and the people who work there.
		Organization countyHospital = new Organization().setName("北京市密云区医院");
		countyHospital.addAddress().addExtension(BASE + "StructureDefinition/cn-address-division",
				new Coding(BASE + "CodeSystem/gbt-2260-division", "110118", "密云区"));
		String county = OnlineCareRecords.create(client, countyHospital);
		create(example("Organization-cn-org-west-china-hospital.json"));
		Organization internetHospital = example("Organization-cn-org-west-china-internet-hospital.json");
		internetHospital.addAddress().addExtension(BASE + "StructureDefinition/cn-address-division",
				new Coding(BASE + "CodeSystem/gbt-2260-division", "510107", "武侯区"));
		create(internetHospital);
		create(example("Patient-cn-patient-zhang-wei.json"));
		create(example("Practitioner-cn-practitioner-li-ming.json"));
		create(example("Practitioner-cn-practitioner-wang-fang.json"));
		create(example("PractitionerRole-cn-role-li-ming-internet-physician.json"));
		create(example("PractitionerRole-cn-role-wang-fang-pharmacist.json"));

		// The county hospital sends the visit and its diagnosis in one transaction.
		Bundle fromCountyHospital = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Encounter visit = context("Encounter-zhang-wei-clinic-visit.json");
		visit.setServiceProvider(new Reference(county));
		addToTransaction(fromCountyHospital, visit);
		addToTransaction(fromCountyHospital, context("Condition-hypertension-diagnosed-in-clinic.json"));
		client.transaction().withBundle(fromCountyHospital).execute().getEntry()
				.forEach(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
		stored.put("Condition/hypertension-diagnosed-in-clinic", locationOf(client.search()
				.byUrl("Condition?subject=" + stored.get("Patient/cn-patient-zhang-wei")).returnBundle(Bundle.class).execute()));

		// The online follow-up and the prescription, which waits for the pharmacist.
		create(example("Encounter-cn-encounter-hypertension-follow-up.json"));
		MedicationRequest prescription = example("MedicationRequest-cn-rx-amlodipine.json");
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
		String prescriptionId = create(prescription);
		create(example("Task-cn-review-amlodipine-approved.json"));
		prescription.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE).setId(prescriptionId);
		client.update().resource(prescription).execute();

		// Home delivery, and the chronic-disease plan brought up to date.
		create(example("MedicationDispense-cn-dispense-amlodipine-home-delivery.json"));
		create(example("CareTeam-cn-team-zhang-wei-hypertension.json"));
		create(example("Goal-cn-goal-zhang-wei-blood-pressure.json"));
		CarePlan plan = example("CarePlan-cn-plan-zhang-wei-hypertension.json");
		plan.setId(create(plan));
		plan.setDescription("复诊后血压控制良好，继续苯磺酸氨氯地平 5mg 每日一次，4 周后复诊");
		client.update().resource(plan).execute();

		// Settlement in Chengdu for a patient insured in Beijing.
		create(example("Coverage-cn-coverage-zhang-wei-beijing-employee.json"));
		String claimId = create(example("Claim-cn-claim-zhang-wei-hypertension-follow-up.json"));
		create(example("ClaimResponse-cn-claim-response-zhang-wei-hypertension-follow-up.json"));

		// Everything is readable afterwards.
		Claim claim = client.read().resource(Claim.class).withId(claimId).execute();
		assertThat(claim.getMeta().getTag()).anySatisfy(tag -> assertThat(tag.getCode()).isEqualTo("off-site"));
		assertThat(client.history().onInstance(prescriptionId).returnBundle(Bundle.class).execute().getEntry()).hasSize(2);
		assertThat(client.history().onInstance(plan.getIdElement().getValue()).returnBundle(Bundle.class).execute().getEntry())
				.hasSize(2);
		String patient = stored.get("Patient/cn-patient-zhang-wei");
		Bundle page = client.operation().onInstance(patient)
				.named("$everything").withNoParameters(Parameters.class).returnResourceType(Bundle.class).execute();
		List<Resource> everything = new ArrayList<>();
		while (true) {
			page.getEntry().forEach(entry -> everything.add(entry.getResource()));
			if (page.getLink(Bundle.LINK_NEXT) == null) {
				break;
			}
			page = client.loadPage().next(page).execute();
		}
		assertThat(everything.stream().map(Resource::fhirType)).contains(
				"Patient", "Encounter", "Condition", "MedicationRequest", "Task", "MedicationDispense", "CarePlan",
				"Goal", "CareTeam", "Coverage", "Claim", "ClaimResponse");
		// Other tests store the same person (same resident ID), whose records $everything brings too: count this story's.
		assertThat(everything).filteredOn(resource -> resource instanceof Encounter encounter
				&& patient.equals(encounter.getSubject().getReference())).hasSize(2);
	}

	/** Stores {@code resource} with references to earlier records re-pointed; remembers its id; answers it. */
	private String create(Resource resource) {
		String exampleId = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
		resource.setId((String) null);
		String id = OnlineCareRecords.create(client, repointed(resource));
		stored.put(exampleId, id);
		return id;
	}

	private void addToTransaction(Bundle transaction, Resource resource) {
		String fullUrl = "urn:uuid:" + resource.getIdElement().getIdPart();
		stored.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), fullUrl);
		resource.setId((String) null);
		transaction.addEntry().setFullUrl(fullUrl).setResource(repointed(resource))
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
	}

	private Resource repointed(Resource resource) {
		FHIR.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class).forEach(reference -> {
			String id = stored.get(reference.getReference());
			if (id != null) {
				reference.setReference(id);
			}
		});
		return resource;
	}

	private static String locationOf(Bundle searchResult) {
		assertThat(searchResult.getEntry()).hasSize(1);
		return searchResult.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
	}

	@SuppressWarnings("unchecked")
	private static <T extends Resource> T example(String file) throws IOException {
		return (T) FHIR.newJsonParser().parseResource(Files.readString(RuleTestSupport.EXAMPLES.resolve(file)));
	}

	@SuppressWarnings("unchecked")
	private static <T extends Resource> T context(String file) throws IOException {
		return (T) FHIR.newJsonParser().parseResource(Files.readString(CONTEXT.resolve(file)));
	}
}
