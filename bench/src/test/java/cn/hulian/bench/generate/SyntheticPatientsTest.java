package cn.hulian.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticPatientsTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void theSameSeedGivesTheSameTransactions() {
		assertThat(json(new SyntheticPatients(7).generate(20))).isEqualTo(json(new SyntheticPatients(7).generate(20)));
		assertThat(json(new SyntheticPatients(8).generate(20))).isNotEqualTo(json(new SyntheticPatients(7).generate(20)));
	}

	@Test
	void aPatientDoesNotDependOnHowManyAreGenerated() {
		assertThat(json(new SyntheticPatients(7).generate(30)).subList(0, 10)).isEqualTo(json(new SyntheticPatients(7).generate(10)));
	}

	@Test
	void eachPatientIsOneTransactionOfFifteenResourcesWithItsOwnResidentId() {
		List<PatientRecord> patients = new SyntheticPatients(42).generate(1000);

		assertThat(patients).allSatisfy(patient -> {
			assertThat(patient.size()).isEqualTo(15);
			assertThat(patient.transaction().getEntryFirstRep().getRequest().getIfNoneExist())
					.isEqualTo("identifier=urn:oid:2.16.156.10011.1.3|" + patient.residentId());
		});
		Set<String> residentIds = patients.stream().map(PatientRecord::residentId).collect(Collectors.toSet());
		assertThat(residentIds).hasSize(patients.size());
	}

	@Test
	void residentIdsCarryTheIso7064CheckCharacter() {
		// the shipped examples Patient-cn-patient-ma-li.json and Patient-cn-patient-zhang-wei.json
		assertThat(ResidentIdNumber.checkCharacter("51010719780923382")).isEqualTo('1');
		assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
	}

	private static List<String> json(List<PatientRecord> patients) {
		return patients.stream().map(patient -> FHIR.newJsonParser().encodeResourceToString(patient.transaction())).toList();
	}
}
