package cn.hulian.it;

import static cn.hulian.it.OnlineCareRecords.BASE;
import static cn.hulian.it.OnlineCareRecords.diagnosticsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** What the tests of the regulation rules share: the care setting, records to spoil, and the refusal checks. */
abstract class RuleTestSupport extends ServerTestSupport {

	protected final OnlineCareRecords records = OnlineCareRecords.storedWith(client);

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
}
