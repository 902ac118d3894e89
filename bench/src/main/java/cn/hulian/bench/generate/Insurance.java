package cn.hulian.bench.generate;

import static cn.hulian.bench.generate.Systems.CODE_SYSTEM;
import static cn.hulian.bench.generate.Systems.DIVISION;
import static cn.hulian.bench.generate.Systems.EXTENSION;
import static cn.hulian.bench.generate.Systems.PROFILE;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;

/**
 * Basic medical insurance where the patient is insured, and the claim for the follow-up and the drugs: local when the
 * patient is insured in Chengdu, off-site (with a cross-region filing) otherwise.
 */
final class Insurance {

	private static final BigDecimal FOLLOW_UP_FEE = new BigDecimal("20.00");

	private Insurance() {}

	static Coverage coverage(CareStory story) {
		Residence.InsuredRegion region = story.person().residence().insuredRegion;
		int year = story.followUp().getYear();
		Coverage coverage = new Coverage().setStatus(Coverage.CoverageStatus.ACTIVE);
		coverage.getMeta().addProfile(PROFILE + "cn-coverage");
		coverage.addExtension(EXTENSION + "cn-insured-region", new Coding(DIVISION, region.division, region.name));
		coverage.setType(story.index() % 3 == 0
				? insuranceType("390", "城乡居民基本医疗保险")
				: insuranceType("310", "职工基本医疗保险"));
		coverage.setSubscriber(new Reference(story.url("Patient")));
		coverage.setSubscriberId(region.division + String.format("%020d", story.index()));
		coverage.setBeneficiary(new Reference(story.url("Patient")));
		coverage.setRelationship(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", null)));
		coverage.getPeriod().setStartElement(ChinaTime.day(LocalDate.of(year, 1, 1)))
				.setEndElement(ChinaTime.day(LocalDate.of(year, 12, 31)));
		coverage.addPayor(new Reference("Organization/" + region.bureauId).setDisplay(region.bureauName));
		return coverage;
	}

	/** The follow-up fee and the drugs, each item in the online encounter; the total is their sum. */
	static Claim claim(CareStory story) {
		Residence.InsuredRegion region = story.person().residence().insuredRegion;
		LocalDate day = story.followUp().toLocalDate();
		Claim claim = new Claim();
		claim.getMeta().addProfile(PROFILE + "cn-claim");
		claim.addExtension(EXTENSION + "cn-insured-region", new Coding(DIVISION, region.division, region.name));
		claim.addExtension(EXTENSION + "cn-treatment-region",
				new Coding(DIVISION, CareSetting.TREATMENT_REGION, CareSetting.TREATMENT_REGION_NAME));
		if (region.isOffSite()) {
			Identifier filing = new Identifier().setValue(story.number("BA" + region.division, day));
			filing.getAssigner().setDisplay(region.bureauName);
			claim.addExtension(EXTENSION + "cn-cross-region-filing", filing);
		}
		claim.addIdentifier().setSystem(Systems.HULIAN + "sid/west-china-internet-hospital/settlement")
				.setValue(story.number("JS", day));
		claim.setStatus(Claim.ClaimStatus.ACTIVE).setUse(Claim.Use.CLAIM);
		claim.setType(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional")));
		claim.setPatient(new Reference(story.url("Patient")));
		claim.setCreatedElement(ChinaTime.at(story.followUp().plusMinutes(50)));
		claim.setProvider(new Reference(CareSetting.INTERNET_HOSPITAL).setDisplay(CareSetting.INTERNET_HOSPITAL_NAME)
				.setIdentifier(new Identifier().setSystem(Systems.NHSA_INSTITUTION).setValue(CareSetting.INTERNET_HOSPITAL_NHSA_CODE)));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.setPrescription(new Reference(story.url("MedicationRequest")));
		ChronicDisease disease = story.disease();
		claim.addDiagnosis().setSequence(1).setDiagnosis(
				new CodeableConcept(new Coding(Systems.ICD10_NHSA, disease.nhsaCode, disease.nhsaName)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(story.url("Coverage")));
		Drug drug = story.drug();
		CodeableConcept followUpFee = new CodeableConcept(
				new Coding(Systems.HOSPITAL_CHARGE, "HLW-FZ", "互联网复诊费")).setText("互联网复诊费");
		BigDecimal drugs = drug.tabletPrice.multiply(BigDecimal.valueOf(story.tablets()));
		item(claim, story, followUpFee, 1, "次", FOLLOW_UP_FEE, FOLLOW_UP_FEE);
		item(claim, story, drug.coded(), story.tablets(), "片", drug.tabletPrice, drugs);
		claim.setTotal(cny(FOLLOW_UP_FEE.add(drugs)));
		return claim;
	}

	private static void item(Claim claim, CareStory story, CodeableConcept what, int quantity, String unit,
			BigDecimal unitPrice, BigDecimal net) {
		Claim.ItemComponent item = claim.addItem();
		item.setSequence(claim.getItem().size());
		item.addDiagnosisSequence(1);
		item.setProductOrService(what);
		item.getQuantity().setValue(quantity).setUnit(unit);
		item.setUnitPrice(cny(unitPrice)).setNet(cny(net));
		item.addEncounter(new Reference(story.url("Encounter/online")));
	}

	private static CodeableConcept insuranceType(String code, String display) {
		return new CodeableConcept(new Coding(CODE_SYSTEM + "nhsa-insurance-type", code, display));
	}

	private static Money cny(BigDecimal value) {
		return new Money().setValue(value).setCurrency("CNY");
	}
}
