package cn.hulian.bench.load;

import static cn.hulian.bench.load.Query.encode;

/** The auditor's queries: what changed since when, and who accessed a patient's records. */
enum AuditorQuery implements Query {

	PATIENT_HISTORY("Patient/_history?_since") {
		@Override
		public String pathAndQuery(Draw draw) {
			return draw.patient().id() + "/_history?_since=" + encode(draw.since().toString());
		}
	},
	OBSERVATION_HISTORY("Observation/_history?_since&_count=20") {
		@Override
		public String pathAndQuery(Draw draw) {
			return "Observation/_history?_since=" + encode(draw.since().toString()) + "&_count=20";
		}
	},
	ACCESS_TO_A_PATIENT("AuditEvent?patient&_count=20") {
		@Override
		public String pathAndQuery(Draw draw) {
			return "AuditEvent?patient=" + draw.patient().id() + "&_count=20";
		}
	};

	private final String label;

	AuditorQuery(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
