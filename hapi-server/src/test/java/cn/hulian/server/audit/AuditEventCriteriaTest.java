package cn.hulian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.junit.jupiter.api.Test;

/** A patient's events are read from the patient index, in the order recorded unless a sort is asked for. */
class AuditEventCriteriaTest {

	private static final String PATIENTS_EVENTS =
			"(SELECT DISTINCT arrival FROM hulian_audit_event_patient WHERE patient = ANY(?)) p";

	@Test
	void onePatientIsReadInThePatientIndexOrder() {
		AuditEventCriteria criteria = new AuditEventCriteria().patients(patients("Patient/1"));

		assertThat(criteria.from()).isEqualTo(
				"hulian_audit_event_patient p JOIN hulian_audit_event e ON e.arrival = p.arrival AND p.patient = ?");
		assertThat(criteria.arguments()).containsExactly("Patient/1");
		assertThat(criteria.orderBy()).isEqualTo("p.arrival");
		assertThat(criteria.countQuery()).isEqualTo("SELECT count(*) FROM hulian_audit_event_patient p WHERE p.patient = ?");
	}

	@Test
	void anyOfSeveralPatientsStartsFromThePatientIndex() {
		AuditEventCriteria criteria = new AuditEventCriteria().patients(patients("Patient/1", "Patient/2"));

		assertThat(criteria.from()).isEqualTo(PATIENTS_EVENTS + " JOIN hulian_audit_event e ON e.arrival = p.arrival");
		assertThat(criteria.where()).isEqualTo("TRUE");
		assertThat(criteria.arguments()).containsExactly((Object) new String[] {"Patient/1", "Patient/2"});
		assertThat(criteria.orderBy()).isEqualTo("p.arrival");
		assertThat(criteria.countQuery()).isEqualTo("SELECT count(*) FROM " + PATIENTS_EVENTS);
	}

	@Test
	void theIndexedPatientsComeFirstAmongTheArguments() {
		AuditEventCriteria criteria = new AuditEventCriteria()
				.actions(new TokenAndListParam().addAnd(new TokenParam("R")))
				.patients(patients("Patient/1").addAnd(new ReferenceOrListParam().addOr(new ReferenceParam("Patient/2"))));

		assertThat(criteria.where()).isEqualTo("action = ANY(?) AND "
				+ "e.arrival IN (SELECT arrival FROM hulian_audit_event_patient WHERE patient = ANY(?))");
		assertThat(criteria.arguments()).containsExactly("Patient/1", new String[] {"R"}, new String[] {"Patient/2"});
		assertThat(criteria.countQuery()).startsWith("SELECT count(*) FROM hulian_audit_event_patient p JOIN");
	}

	@Test
	void aSortByDateOutweighsThePatientIndexOrderWhicheverIsSetFirst() {
		SortSpec newestFirst = new SortSpec("date", SortOrderEnum.DESC);

		assertThat(new AuditEventCriteria().sortedBy(newestFirst, null).patients(patients("Patient/1")).orderBy())
				.isEqualTo("e.recorded DESC, e.arrival DESC");
		assertThat(new AuditEventCriteria().patients(patients("Patient/1")).sortedBy(newestFirst, null).orderBy())
				.isEqualTo("e.recorded DESC, e.arrival DESC");
	}

	private static ReferenceAndListParam patients(String... alternatives) {
		ReferenceOrListParam anyOf = new ReferenceOrListParam();
		for (String patient : alternatives) {
			anyOf.addOr(new ReferenceParam(patient));
		}
		return new ReferenceAndListParam().addAnd(anyOf);
	}
}
