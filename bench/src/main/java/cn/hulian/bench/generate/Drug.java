package cn.hulian.bench.generate;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * A drug of the hospital's catalogue, with its NHSA product code where the Hulian drug code set has one (many common
 * drugs are not in it yet and are coded in the hospital's catalogue only).
 */
enum Drug {

	AMLODIPINE("AMLO-5", "苯磺酸氨氯地平片 5mg", null, "每日一次，每次 5mg，口服", 1, "0.15"),
	SACUBITRIL_VALSARTAN("SAVA-100", "沙库巴曲缬沙坦钠片 100mg", "XC09DXS255A001010101606", "每日两次，每次 100mg，口服", 2, "4.60"),
	METFORMIN("METF-500", "盐酸二甲双胍片 0.5g", null, "每日两次，每次 0.5g，餐中服用", 2, "0.10"),
	ATORVASTATIN("ATOR-20", "阿托伐他汀钙片 20mg", null, "每晚一次，每次 20mg，口服", 1, "1.20"),
	EZETIMIBE_ATORVASTATIN("EZAT-10-20", "依折麦布阿托伐他汀钙片(Ⅱ) 10mg/20mg", "XC10BAY348A001010100177",
			"每晚一次，每次 1 片，口服", 1, "5.80"),
	ASPIRIN("ASPI-100", "阿司匹林肠溶片 100mg", null, "每日一次，每次 100mg，早餐前口服", 1, "0.20");

	final String catalogueCode;
	final String display;
	final String nhsaCode;
	final String dosage;
	final int tabletsPerDay;
	final BigDecimal tabletPrice;

	Drug(String catalogueCode, String display, String nhsaCode, String dosage, int tabletsPerDay, String tabletPrice) {
		this.catalogueCode = catalogueCode;
		this.display = display;
		this.nhsaCode = nhsaCode;
		this.dosage = dosage;
		this.tabletsPerDay = tabletsPerDay;
		this.tabletPrice = new BigDecimal(tabletPrice);
	}

	CodeableConcept coded() {
		CodeableConcept drug = new CodeableConcept().setText(display);
		drug.addCoding().setSystem(Systems.HOSPITAL_DRUG).setCode(catalogueCode).setDisplay(display);
		if (nhsaCode != null) {
			drug.addCoding().setSystem(Systems.NHSA_DRUG).setCode(nhsaCode).setDisplay(display.split(" ")[0]);
		}
		return drug;
	}
}
