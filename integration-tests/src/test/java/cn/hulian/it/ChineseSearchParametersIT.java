package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The Hulian package's search parameters find records by their Chinese codes: regions, ethnicity, insurance regions. */
class ChineseSearchParametersIT extends ServerTestSupport {

	private static final String BASE = "http://hulian.cn/fhir/";
	private static final String DIVISION = BASE + "CodeSystem/gbt-2260-division";

	@Test
	void findsPatientsByTheDivisionOfTheirAddressAndByProvince() {
		String family = unique("Li");
		String wuhou = storePatient(family, "510107");
		String yuexiu = storePatient(family, "440104");

		assertThat(ids("Patient?family=" + family + "&address-division=" + DIVISION + "|510107")).containsExactly(wuhou);
		// :below follows GB/T 2260's nesting: every patient living anywhere in Sichuan.
		assertThat(ids("Patient?family=" + family + "&address-division:below=" + DIVISION + "|510000")).containsExactly(wuhou);
		assertThat(ids("Patient?family=" + family + "&address-division:below=" + DIVISION + "|440000")).containsExactly(yuexiu);
	}

	@Test
	void findsCrossRegionClaimsByInsuredAndTreatmentRegion() {
		String patient = unique("p");
		String crossRegion = storeClaim(patient, "500100", "510100");
		storeClaim(patient, "510100", "510100");

		assertThat(ids("Claim?patient=" + patient + "&insured-region=" + DIVISION + "|500100&treatment-region=" + DIVISION + "|510100"))
				.containsExactly(crossRegion);
		assertThat(ids("Claim?patient=" + patient + "&treatment-region=" + DIVISION + "|510100")).hasSize(2);
	}

	private String storePatient(String family, String division) {
		Patient patient = new Patient();
		patient.addName().setFamily(family);
		patient.addAddress().addExtension(BASE + "StructureDefinition/cn-address-division", new Coding(DIVISION, division, null));
		return client.create().resource(patient).execute().getId().getIdPart();
	}

	private String storeClaim(String patient, String insuredRegion, String treatmentRegion) {
		Claim claim = new Claim();
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference("Patient/" + patient));
		claim.addExtension(BASE + "StructureDefinition/cn-insured-region", new Coding(DIVISION, insuredRegion, null));
		claim.addExtension(BASE + "StructureDefinition/cn-treatment-region", new Coding(DIVISION, treatmentRegion, null));
		return client.create().resource(claim).execute().getId().getIdPart();
	}

	private List<String> ids(String search) {
		Bundle result = client.search().byUrl(search).returnBundle(Bundle.class).execute();
		return result.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}
}
