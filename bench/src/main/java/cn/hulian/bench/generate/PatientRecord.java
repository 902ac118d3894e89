package cn.hulian.bench.generate;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * One generated patient: the transaction that stores the patient's care, and what the benchmark's queries ask about.
 *
 * @param transaction      the transaction bundle; its first entry is the Patient (a conditional create)
 * @param residentId       the resident ID card number (system {@link #RESIDENT_ID_SYSTEM})
 * @param name             the full name, e.g. 王芳
 * @param diagnosisCode    the ICD-10 clinical-edition code of the diagnosis (system {@link #DIAGNOSIS_SYSTEM})
 * @param measurementCodes the LOINC codes of the patient's observations
 * @param careDays         the days of the in-person visit and the online follow-up
 */
public record PatientRecord(Bundle transaction, String residentId, String name, String diagnosisCode,
		List<String> measurementCodes, List<LocalDate> careDays) {

	public static final String RESIDENT_ID_SYSTEM = Systems.RESIDENT_ID_CARD;
	public static final String DIAGNOSIS_SYSTEM = Systems.ICD10_CLINICAL;
	public static final String MEASUREMENT_SYSTEM = Systems.LOINC;

	/** How many resources the transaction stores. */
	public int size() {
		return transaction.getEntry().size();
	}
}
