package cn.hulian.bench.generate;

import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The chronic diseases generated patients are followed up online for: the diagnosis in ICD-10 clinical edition 2.0 (as
 * the in-person visit codes it) and NHSA edition 2.0 (as claims code it, per the Hulian crosswalk), the drugs
 * prescribed, what is measured, and the goal of the care plan.
 */
enum ChronicDisease {

	HYPERTENSION("I10.x00x027", "高血压病2级（高危）", "I10.x04", "高血压2级",
			List.of(Drug.AMLODIPINE, Drug.SACUBITRIL_VALSARTAN), List.of(Measurement.BLOOD_PRESSURE, Measurement.HEART_RATE),
			new Target("8480-6", "Systolic blood pressure", "收缩压控制在 140 mmHg 以下", "140", "mmHg", "mm[Hg]")),
	TYPE_2_DIABETES("E11.900", "2型糖尿病", "E11.900", "2型糖尿病",
			List.of(Drug.METFORMIN), List.of(Measurement.FASTING_GLUCOSE, Measurement.HBA1C),
			new Target("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "糖化血红蛋白控制在 7.0% 以下", "7.0", "%", "%")),
	HYPERLIPIDAEMIA("E78.500", "高脂血症", "E78.500", "高脂血症",
			List.of(Drug.ATORVASTATIN, Drug.EZETIMIBE_ATORVASTATIN), List.of(Measurement.LDL_CHOLESTEROL),
			new Target("22748-8", "Cholesterol in LDL [Moles/volume] in Serum or Plasma", "低密度脂蛋白胆固醇控制在 2.6 mmol/L 以下",
					"2.6", "mmol/L", "mmol/L")),
	CORONARY_HEART_DISEASE("I25.103", "冠状动脉粥样硬化性心脏病", "I25.103", "冠状动脉粥样硬化性心脏病",
			List.of(Drug.ASPIRIN, Drug.ATORVASTATIN),
			List.of(Measurement.BLOOD_PRESSURE, Measurement.HEART_RATE, Measurement.LDL_CHOLESTEROL),
			new Target("22748-8", "Cholesterol in LDL [Moles/volume] in Serum or Plasma", "低密度脂蛋白胆固醇控制在 1.8 mmol/L 以下",
					"1.8", "mmol/L", "mmol/L"));

	final String clinicalCode;
	final String clinicalName;
	final String nhsaCode;
	final String nhsaName;
	final List<Drug> drugs;
	final List<Measurement> measurements;
	final Target target;

	ChronicDisease(String clinicalCode, String clinicalName, String nhsaCode, String nhsaName, List<Drug> drugs,
			List<Measurement> measurements, Target target) {
		this.clinicalCode = clinicalCode;
		this.clinicalName = clinicalName;
		this.nhsaCode = nhsaCode;
		this.nhsaName = nhsaName;
		this.drugs = drugs;
		this.measurements = measurements;
		this.target = target;
	}

	/** The diagnosis as the institutions code it (clinical edition). */
	CodeableConcept diagnosis() {
		return new CodeableConcept(new Coding(Systems.ICD10_CLINICAL, clinicalCode, clinicalName)).setText(clinicalName);
	}

	/** What the care plan's goal aims at: a LOINC-coded measurement kept below {@code high}. */
	record Target(String loincCode, String loincDisplay, String description, String high, String unit, String ucumCode) {

		BigDecimal highValue() {
			return new BigDecimal(high);
		}
	}
}
