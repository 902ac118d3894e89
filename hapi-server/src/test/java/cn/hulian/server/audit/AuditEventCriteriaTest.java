package cn.hulian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.junit.jupiter.api.Test;

/** One patient's events are read from the patient index, in the order recorded unless a sort is asked for. */
class AuditEventCriteriaTest {

	@Test
	void onePatientStartsFromThePatientIndex() {
		AuditEventCriteria criteria = new AuditEventCriteria().patients(patients("Patient/1"));

		assertThat(criteria.from()).startsWith("hulian_audit_event_patient p JOIN hulian_audit_event e");
		assertThat(criteria.where()).isEqualTo("p.patient = ?");
		assertThat(criteria.arguments()).containsExactly("Patient/1");
		assertThat(criteria.orderBy()).isEqualTo("p.arrival");
		assertThat(criteria.countQuery()).isEqualTo("SELECT count(*) FROM hulian_audit_event_patient p WHERE p.patient = ?");
	}

	@Test
	void aSortByDateOutweighsThePatientIndexOrderWhicheverIsSetFirst() {
		SortSpec newestFirst = new SortSpec("date", SortOrderEnum.DESC);

		assertThat(new AuditEventCriteria().sortedBy(newestFirst, null).patients(patients("Patient/1")).orderBy())
				.isEqualTo("e.recorded DESC, e.arrival DESC");
		assertThat(new AuditEventCriteria().patients(patients("Patient/1")).sortedBy(newestFirst, null).orderBy())
				.isEqualTo("e.recorded DESC, e.arrival DESC");
	}

	@Test
	void alternativePatientsUseTheArrayIndex() {
		AuditEventCriteria criteria = new AuditEventCriteria().patients(patients("Patient/1", "Patient/2"));

		assertThat(criteria.from()).isEqualTo("hulian_audit_event e");
		assertThat(criteria.where()).isEqualTo("patients && ?::text[]");
		assertThat(criteria.orderBy()).isEqualTo("e.arrival");
	}

	private static ReferenceAndListParam patients(String... alternatives) {
		ReferenceOrListParam anyOf = new ReferenceOrListParam();
		for (String patient : alternatives) {
			anyOf.addOr(new ReferenceParam(patient));
		}
		return new ReferenceAndListParam().addAnd(anyOf);
	}
}
