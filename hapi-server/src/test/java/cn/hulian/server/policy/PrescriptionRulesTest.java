package cn.hulian.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The prescription rules on their own: what each refuses and what it lets through. */
class PrescriptionRulesTest {

	private static final String MORPHINE = "XN02AAM022A010010100978";
	private static final String ENTECAVIR = "XJ05AFE013N001010104929";

	@Test
	void aControlledDrugIsRefusedAndAnUncontrolledOneIsNot() {
		ControlledDrugRule rule = new ControlledDrugRule(drugCodes());

		assertThat(rule.check(prescribing(MORPHINE))).singleElement().satisfies(violation -> {
			assertThat(violation.path()).isEqualTo("MedicationRequest.medicationCodeableConcept.coding[0]");
			assertThat(violation.arguments()).containsExactly(MORPHINE, "narcotic");
		});
		assertThat(rule.check(prescribing(ENTECAVIR))).isEmpty();
		assertThat(rule.check(prescribing("XUNKNOWN"))).isEmpty();
	}

	@Test
	void validityIsAtMostThreeDaysCountingTheDayOfIssue() {
		PrescriptionValidityRule rule = new PrescriptionValidityRule();

		assertThat(rule.check(validFrom("2026-11-20", "2026-11-22"))).isEmpty();
		assertThat(rule.check(validFrom("2026-11-20", "2026-11-23"))).singleElement()
				.satisfies(violation -> assertThat(violation.messageKey()).isEqualTo("policy.validity-too-long"));
	}

	@Test
	void moreThanSevenDaysOfSupplyNeedsLongTermTherapyWithAReasonAndNeverExceedsTwelveWeeks() {
		PrescriptionValidityRule rule = new PrescriptionValidityRule();

		assertThat(rule.check(supplying(7, "d"))).isEmpty();
		assertThat(rule.check(supplying(4, "wk"))).singleElement()
				.satisfies(violation -> assertThat(violation.messageKey()).isEqualTo("policy.supply-too-long"));
		assertThat(rule.check(longTerm(supplying(4, "wk")))).isEmpty();
		assertThat(rule.check(longTerm(supplying(13, "wk")))).singleElement()
				.satisfies(violation -> assertThat(violation.messageKey()).isEqualTo("policy.supply-over-long-term-limit"));
		assertThat(rule.check(supplying(7, "days"))).singleElement()
				.satisfies(violation -> assertThat(violation.messageKey()).isEqualTo("policy.supply-unit"));
	}

	@Test
	void aPrescriptionIssuedByADeviceIsRefused() {
		PrescriberRule rule = new PrescriberRule();
		MedicationRequest byDevice = new MedicationRequest().setRequester(new Reference("Device/ai-assistant"));
		MedicationRequest byPhysician = new MedicationRequest().setRequester(new Reference("Practitioner/li-ming"));

		assertThat(rule.check(byDevice)).singleElement()
				.satisfies(violation -> assertThat(violation.path()).isEqualTo("MedicationRequest.requester"));
		assertThat(rule.check(byPhysician)).isEmpty();
	}

	@Test
	void everyRuleIsOnUnlessSwitchedOffInTheConfiguration() {
		PolicyProperties properties = new Binder(new MapConfigurationPropertySource(
						Map.of("hulian.policy.rules.IH-RX-VALIDITY-005.enabled", "false")))
				.bind("hulian.policy", PolicyProperties.class)
				.get();

		assertThat(properties.isEnabled("IH-RX-VALIDITY-005")).isFalse();
		assertThat(properties.isEnabled("IH-RX-CONTROLLED-003")).isTrue();
	}

	@Test
	void oneSwitchTurnsEveryRuleOff() {
		PolicyProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("hulian.policy.enabled", "false")))
				.bind("hulian.policy", PolicyProperties.class)
				.get();

		assertThat(properties.isEnabled("IH-RX-CONTROLLED-003")).isFalse();
		assertThat(properties.isEnabled("IH-RETENTION-008")).isFalse();
	}

	private static PrePopulatedValidationSupport drugCodes() {
		FhirContext context = FhirContext.forR4Cached();
		CodeSystem drugs = new CodeSystem().setUrl(ControlledDrugRule.NHSA_DRUG_CODES);
		drugs.addConcept().setCode(MORPHINE).addProperty().setCode("controlled-class").setValue(new CodeType("narcotic"));
		drugs.addConcept().setCode(ENTECAVIR).addProperty().setCode("controlled-class").setValue(new CodeType("none"));
		PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(context);
		support.addCodeSystem(drugs);
		return support;
	}

	private static MedicationRequest prescribing(String nhsaCode) {
		MedicationRequest prescription = new MedicationRequest();
		prescription.getMedicationCodeableConcept().addCoding().setSystem(ControlledDrugRule.NHSA_DRUG_CODES).setCode(nhsaCode);
		return prescription;
	}

	private static MedicationRequest validFrom(String start, String end) {
		MedicationRequest prescription = new MedicationRequest();
		prescription.getDispenseRequest().getValidityPeriod()
				.setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
		return prescription;
	}

	private static MedicationRequest supplying(int value, String unit) {
		MedicationRequest prescription = new MedicationRequest();
		prescription.getDispenseRequest().getExpectedSupplyDuration()
				.setValue(value).setSystem("http://unitsofmeasure.org").setCode(unit);
		return prescription;
	}

	private static MedicationRequest longTerm(MedicationRequest prescription) {
		prescription.getCourseOfTherapyType().addCoding()
				.setSystem("http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy").setCode("continuous");
		prescription.addNote().setText("高血压稳定期，长期规律服药，开具 4 周用量");
		return prescription;
	}
}
