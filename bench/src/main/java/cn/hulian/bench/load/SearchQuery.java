package cn.hulian.bench.load;

import static cn.hulian.bench.load.Query.encode;

import cn.hulian.bench.generate.PatientRecord;
import java.time.LocalDate;
import java.util.List;

/** The searches of the search mix: what clinicians and hospital systems ask about patients. */
enum SearchQuery implements Query {

	OBSERVATIONS_BY_PATIENT_AND_CODE("Observation?subject&code") {
		@Override
		public String pathAndQuery(Draw draw) {
			List<String> codes = draw.patient().record().measurementCodes();
			String code = codes.get(draw.random().nextInt(codes.size()));
			return "Observation?subject=" + draw.patient().id() + "&code=" + encode(PatientRecord.MEASUREMENT_SYSTEM + "|" + code);
		}
	},
	ENCOUNTERS_IN_A_WEEK("Encounter?date=ge&date=lt") {
		@Override
		public String pathAndQuery(Draw draw) {
			List<LocalDate> days = draw.patient().record().careDays();
			LocalDate first = days.get(draw.random().nextInt(days.size())).minusDays(draw.random().nextInt(7));
			return "Encounter?date=ge" + first + "&date=lt" + first.plusDays(7);
		}
	},
	PRESCRIPTIONS_WITH_PRESCRIBER("MedicationRequest?subject&_include") {
		@Override
		public String pathAndQuery(Draw draw) {
			return "MedicationRequest?subject=" + draw.patient().id() + "&_include=MedicationRequest:requester";
		}
	},
	PATIENTS_BY_NAME("Patient?name") {
		@Override
		public String pathAndQuery(Draw draw) {
			return "Patient?name=" + encode(draw.patient().record().name());
		}
	},
	PATIENT_BY_IDENTIFIER("Patient?identifier") {
		@Override
		public String pathAndQuery(Draw draw) {
			return "Patient?identifier=" + encode(PatientRecord.RESIDENT_ID_SYSTEM + "|" + draw.patient().record().residentId());
		}
	},
	CONDITIONS_BY_CODE("Condition?code&_count=20") {
		@Override
		public String pathAndQuery(Draw draw) {
			return "Condition?code=" + encode(PatientRecord.DIAGNOSIS_SYSTEM + "|" + draw.patient().record().diagnosisCode())
					+ "&_count=20";
		}
	},
	EVERYTHING("Patient/$everything") {
		@Override
		public String pathAndQuery(Draw draw) {
			return draw.patient().id() + "/$everything";
		}
	};

	private final String label;

	SearchQuery(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
