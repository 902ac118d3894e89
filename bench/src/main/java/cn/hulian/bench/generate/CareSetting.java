package cn.hulian.bench.generate;

import static cn.hulian.bench.generate.Systems.CODE_SYSTEM;
import static cn.hulian.bench.generate.Systems.DIVISION;
import static cn.hulian.bench.generate.Systems.EXTENSION;
import static cn.hulian.bench.generate.Systems.INSTITUTION_CODE;
import static cn.hulian.bench.generate.Systems.NHSA_INSTITUTION;
import static cn.hulian.bench.generate.Systems.PRACTISING_LICENCE;
import static cn.hulian.bench.generate.Systems.PROFILE;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The records every patient's care refers to, stored once before ingest under fixed ids (PUT, so storing them again is
 * harmless): the hospital and its internet hospital in Chengdu, a physician qualified for online care and a
 * pharmacist, each with a role there, and the healthcare-security bureaus that pay claims. Shaped like the shipped
 * examples (West China hospital, whose institution code the demo client {@code hospital-his} acts for).
 */
public final class CareSetting {

	static final String HOSPITAL = "Organization/bench-hospital";
	static final String INTERNET_HOSPITAL = "Organization/bench-internet-hospital";
	static final String INTERNET_HOSPITAL_NAME = "四川大学华西医院互联网医院";
	static final String INTERNET_HOSPITAL_NHSA_CODE = "H51010700002";
	static final String PHYSICIAN = "Practitioner/bench-physician";
	static final String PHYSICIAN_NAME = "陈建国";
	static final String PHYSICIAN_ROLE = "PractitionerRole/bench-physician-role";
	static final String PHARMACIST = "Practitioner/bench-pharmacist";
	static final String PHARMACIST_NAME = "刘静";
	static final String PHARMACIST_ROLE = "PractitionerRole/bench-pharmacist-role";
	static final String TREATMENT_REGION = "510100";
	static final String TREATMENT_REGION_NAME = "成都市";

	private CareSetting() {}

	/** The transaction that stores the care setting. */
	public static Bundle transaction() {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		put(bundle, HOSPITAL, hospital());
		put(bundle, INTERNET_HOSPITAL, internetHospital());
		put(bundle, PHYSICIAN, practitioner(PHYSICIAN_NAME, "陈", "建国", Enumerations.AdministrativeGender.MALE,
				"510100000099001", "2012-07-01"));
		put(bundle, PHYSICIAN_ROLE, role(PHYSICIAN, "physician", "医师"));
		put(bundle, PHARMACIST, practitioner(PHARMACIST_NAME, "刘", "静", Enumerations.AdministrativeGender.FEMALE,
				"510100000099002", "2015-09-01"));
		put(bundle, PHARMACIST_ROLE, role(PHARMACIST, "pharmacist", "药师"));
		for (Residence.InsuredRegion region : Residence.InsuredRegion.values()) {
			Organization bureau = new Organization().setName(region.bureauName);
			bureau.addAddress(address(region.division, region.name));
			put(bundle, "Organization/" + region.bureauId, bureau);
		}
		return bundle;
	}

	private static Organization hospital() {
		return institution("四川大学华西医院", "45071062551010011A1001", "H51010700001");
	}

	private static Organization internetHospital() {
		Organization hospital = institution(INTERNET_HOSPITAL_NAME, "45071062551010011A1002", INTERNET_HOSPITAL_NHSA_CODE);
		hospital.addExtension(EXTENSION + "cn-operation-mode",
				new Coding(CODE_SYSTEM + "internet-hospital-operation-mode", "hospital-led", "医疗机构主导"));
		hospital.addExtension(EXTENSION + "cn-internet-hospital-licence", new Identifier().setValue("川卫互联网医院(2020)第001号"));
		hospital.setPartOf(new Reference(HOSPITAL));
		return hospital;
	}

	private static Organization institution(String name, String institutionCode, String nhsaCode) {
		Organization institution = new Organization();
		institution.getMeta().addProfile(PROFILE + "cn-organization");
		institution.addExtension(EXTENSION + "cn-hospital-grade", new Coding(CODE_SYSTEM + "hospital-grade", "3A", "三级甲等"));
		institution.addIdentifier().setSystem(INSTITUTION_CODE).setValue(institutionCode);
		institution.addIdentifier().setSystem(NHSA_INSTITUTION).setValue(nhsaCode);
		institution.setActive(true).setName(name);
		institution.addAddress(address("510107", "武侯区").addLine("国学巷 37 号").setDistrict("武侯区").setCity("成都市"));
		return institution;
	}

	/** Licensed, practising independently since {@code practisingSince}, real-name verified in March 2024. */
	private static Practitioner practitioner(
			String name, String family, String given, Enumerations.AdministrativeGender gender, String licence,
			String practisingSince) {
		Practitioner practitioner = new Practitioner();
		practitioner.getMeta().addProfile(PROFILE + "cn-practitioner");
		practitioner.addExtension(EXTENSION + "cn-independent-practice-start", new DateType(practisingSince));
		practitioner.addExtension(EXTENSION + "cn-real-name-verified", new DateTimeType("2024-03-01T09:30:00+08:00"));
		practitioner.addIdentifier().setSystem(PRACTISING_LICENCE).setValue(licence);
		practitioner.setActive(true);
		practitioner.addName(new HumanName().setText(name).setFamily(family).addGiven(given));
		practitioner.setGender(gender);
		practitioner.addQualification().setCode(new CodeableConcept().setText("医师执业证书"))
				.addIdentifier().setValue(licence);
		return practitioner;
	}

	private static PractitionerRole role(String practitioner, String code, String display) {
		PractitionerRole role = new PractitionerRole();
		role.getMeta().addProfile(PROFILE + "cn-practitioner-role");
		role.setActive(true);
		role.setPractitioner(new Reference(practitioner));
		role.setOrganization(new Reference(INTERNET_HOSPITAL));
		role.addCode(new CodeableConcept(new Coding(CODE_SYSTEM + "practitioner-role", code, display)));
		role.addExtension(EXTENSION + "cn-registered-institution", new Reference(HOSPITAL));
		return role;
	}

	static Address address(String division, String districtOrCity) {
		Address address = new Address().setCountry("CN");
		address.addExtension(EXTENSION + "cn-address-division", new Coding(DIVISION, division, districtOrCity));
		return address;
	}

	private static void put(Bundle bundle, String id, Resource resource) {
		bundle.addEntry().setResource(resource)
				.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(id);
	}
}
