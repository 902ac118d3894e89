package cn.hulian.it;

import static cn.hulian.it.OnlineCareRecords.diagnosticsOf;
import static cn.hulian.it.OnlineCareRecords.electronicPrescription;
import static cn.hulian.it.OnlineCareRecords.onlineEncounter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;

/**
 * The regulations of online prescribing: a violating prescription is refused with the rule's id and the element,
 * nothing of it is stored, and the corrected prescription goes in.
 */
class OnlineCareRulesIT extends ServerTestSupport {

	private static final String NHSA_DRUG_CODES = "http://hulian.cn/fhir/CodeSystem/nhsa-drug-code";
	private static final String MORPHINE_PROLONGED_RELEASE = "XN02AAM022A010010100978";
	private static final String ENTECAVIR_GRANULES = "XJ05AFE013N001010104929";

	@Test
	void aNarcoticIsNotPrescribedOnlineButAnUncontrolledDrugIs() {
		MedicationRequest prescription = prescriptionInANewOnlineEncounter();
		prescription.getMedicationCodeableConcept().addCoding().setSystem(NHSA_DRUG_CODES).setCode(MORPHINE_PROLONGED_RELEASE);

		assertRefused(prescription, "IH-RX-CONTROLLED-003", "MedicationRequest.medicationCodeableConcept.coding[1]");

		prescription.getMedicationCodeableConcept().getCoding().get(1).setCode(ENTECAVIR_GRANULES);
		assertThat(client.create().resource(prescription).execute().getCreated()).isTrue();
	}

	@Test
	void aPrescriptionValidForMoreThanThreeDaysIsRefused() {
		MedicationRequest prescription = prescriptionInANewOnlineEncounter();
		prescription.getDispenseRequest().getValidityPeriod().getEndElement().setValueAsString("2026-11-28");

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

	@Test
	void theRefusalIsInChineseWhenTheClientAsksForIt() {
		MedicationRequest prescription = prescriptionInANewOnlineEncounter();
		prescription.getMedicationCodeableConcept().addCoding().setSystem(NHSA_DRUG_CODES).setCode(MORPHINE_PROLONGED_RELEASE);

		assertThatThrownBy(() -> client.create().resource(prescription).withAdditionalHeader("Accept-Language", "zh-CN").execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains("IH-RX-CONTROLLED-003", "不得在互联网上开具处方"));
	}

	private MedicationRequest prescriptionInANewOnlineEncounter() {
		String encounterId = client.create().resource(onlineEncounter()).execute().getId().getIdPart();
		return electronicPrescription(encounterId);
	}

	/** Refused with 422 naming the rule and the element, and nothing stored under its prescription number. */
	private void assertRefused(MedicationRequest prescription, String ruleId, String path) {
		assertThatThrownBy(() -> client.create().resource(prescription).execute())
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> assertThat(diagnosticsOf(e))
						.contains(ruleId, path));
		String number = prescription.getIdentifierFirstRep().getValue();
		Bundle stored = client.search().byUrl("MedicationRequest?identifier=" + number).returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).isEmpty();
	}
}
