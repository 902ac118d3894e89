package cn.hulian.bench.generate;

import static cn.hulian.bench.generate.Systems.LOINC;
import static cn.hulian.bench.generate.Systems.UCUM;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/** What chronic-disease follow-up measures, by LOINC code, with plausible values and a note in Chinese. */
enum Measurement {

	BLOOD_PRESSURE("85354-9", "Blood pressure panel with all children optional", "血压", "vital-signs", "家庭自测血压，晨起服药前") {
		@Override
		void value(Observation observation, Random random) {
			observation.addComponent().setCode(loinc("8480-6", "Systolic blood pressure"))
					.setValue(quantity(between(random, 112, 168, 0), "mmHg", "mm[Hg]"));
			observation.addComponent().setCode(loinc("8462-4", "Diastolic blood pressure"))
					.setValue(quantity(between(random, 68, 102, 0), "mmHg", "mm[Hg]"));
		}
	},
	HEART_RATE("8867-4", "Heart rate", "心率", "vital-signs", "静息心率，智能手环上传") {
		@Override
		void value(Observation observation, Random random) {
			observation.setValue(quantity(between(random, 56, 98, 0), "次/分", "/min"));
		}
	},
	FASTING_GLUCOSE("14771-0", "Fasting glucose [Moles/volume] in Serum or Plasma", "空腹血糖", "laboratory", "空腹 8 小时后采血") {
		@Override
		void value(Observation observation, Random random) {
			observation.setValue(quantity(between(random, 5.2, 10.8, 1), "mmol/L", "mmol/L"));
		}
	},
	HBA1C("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "糖化血红蛋白", "laboratory", "社区卫生服务中心检验") {
		@Override
		void value(Observation observation, Random random) {
			observation.setValue(quantity(between(random, 5.8, 9.4, 1), "%", "%"));
		}
	},
	LDL_CHOLESTEROL("22748-8", "Cholesterol in LDL [Moles/volume] in Serum or Plasma", "低密度脂蛋白胆固醇", "laboratory",
			"空腹血脂检查") {
		@Override
		void value(Observation observation, Random random) {
			observation.setValue(quantity(between(random, 1.6, 4.9, 2), "mmol/L", "mmol/L"));
		}
	};

	final String loincCode;
	final String loincDisplay;
	final String chineseName;
	private final String category;
	private final String note;

	Measurement(String loincCode, String loincDisplay, String chineseName, String category, String note) {
		this.loincCode = loincCode;
		this.loincDisplay = loincDisplay;
		this.chineseName = chineseName;
		this.category = category;
		this.note = note;
	}

	/** An observation of this measurement, without subject and time. */
	Observation observe(Random random) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/observation-category", category, null)));
		observation.setCode(loinc(loincCode, loincDisplay).setText(chineseName));
		value(observation, random);
		observation.addNote().setText(note);
		return observation;
	}

	abstract void value(Observation observation, Random random);

	static CodeableConcept loinc(String code, String display) {
		return new CodeableConcept(new Coding(LOINC, code, display));
	}

	static Quantity quantity(BigDecimal value, String unit, String ucumCode) {
		return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(ucumCode);
	}

	private static BigDecimal between(Random random, double low, double high, int decimals) {
		return BigDecimal.valueOf(low + random.nextDouble() * (high - low)).setScale(decimals, RoundingMode.HALF_UP);
	}
}
