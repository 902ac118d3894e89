package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import cn.hulian.bench.generate.CareSetting;
import cn.hulian.bench.generate.PatientRecord;
import cn.hulian.bench.generate.SyntheticPatients;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's synthetic patients are records the server accepts whole, with profile validation and every
 * regulation rule on, sent as the benchmark sends them (by the hospital's HIS, one transaction per patient); and a
 * patient sent again is recognised by the resident ID card number, not stored twice.
 */
class BenchmarkDataIT extends ServerTestSupport {

	private final IGenericClient hospital =
			newClient(server.fhirBaseUrl(), server.demoToken("hospital-his", "hospital-demo-secret"));

	@Test
	void everyGeneratedRecordIsStoredAndAPatientSentAgainIsNotDuplicated() {
		assertAllCreated(hospital.transaction().withBundle(CareSetting.transaction()).execute());
		List<PatientRecord> patients = new SyntheticPatients(20261123).generate(3);
		for (PatientRecord patient : patients) {
			Bundle response = hospital.transaction().withBundle(patient.transaction()).execute();

			assertThat(response.getEntry()).hasSize(patient.size());
			assertAllCreated(response);
		}

		PatientRecord first = patients.get(0);
		Bundle again = hospital.transaction().withBundle(first.transaction()).execute();

		assertThat(again.getEntryFirstRep().getResponse().getStatus()).startsWith("200");
		Bundle found = client.search()
				.byUrl("Patient?identifier=" + PatientRecord.RESIDENT_ID_SYSTEM + "|" + first.residentId())
				.returnBundle(Bundle.class)
				.execute();
		assertThat(found.getEntry()).hasSize(1);
	}

	private static void assertAllCreated(Bundle response) {
		assertThat(response.getEntry()).allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("201"));
	}
}
