package cn.hulian.bench.generate;

/** Canonical URLs of the Hulian profiles and the code and identifier systems the generated records use. */
final class Systems {

	static final String HULIAN = "http://hulian.cn/fhir/";
	static final String PROFILE = HULIAN + "StructureDefinition/";
	static final String EXTENSION = PROFILE;
	static final String CODE_SYSTEM = HULIAN + "CodeSystem/";

	static final String RESIDENT_ID_CARD = "urn:oid:2.16.156.10011.1.3";
	static final String INSTITUTION_CODE = "urn:oid:2.16.156.10011.1.5";
	static final String PRACTISING_LICENCE = "urn:oid:2.16.156.10011.1.4";
	static final String PRESCRIPTION_NUMBER = "urn:oid:2.16.156.10011.1.20";
	static final String ETHNICITY = "urn:oid:2.16.156.10011.2.3.3.3";
	static final String NHSA_INSTITUTION = HULIAN + "NamingSystem/nhsa-designated-institution";

	static final String DIVISION = CODE_SYSTEM + "gbt-2260-division";
	static final String ICD10_CLINICAL = CODE_SYSTEM + "icd10-cn-clinical-2";
	static final String ICD10_NHSA = CODE_SYSTEM + "icd10-cn-nhsa-2";
	static final String NHSA_DRUG = CODE_SYSTEM + "nhsa-drug-code";
	static final String HOSPITAL_DRUG = CODE_SYSTEM + "hospital-drug-catalogue";
	static final String HOSPITAL_CHARGE = CODE_SYSTEM + "hospital-charge-item";

	static final String LOINC = "http://loinc.org";
	static final String UCUM = "http://unitsofmeasure.org";
	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";

	private Systems() {}
}
