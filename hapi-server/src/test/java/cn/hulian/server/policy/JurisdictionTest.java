package cn.hulian.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Regions, exemptions and what counts as the same diagnosis: the pure logic the rules build on. */
class JurisdictionTest {

	private static final String ICD10_CLINICAL = "http://hulian.cn/fhir/CodeSystem/icd10-cn-clinical-2";
	private static final String ICD10_NHSA = "http://hulian.cn/fhir/CodeSystem/icd10-cn-nhsa-2";

	@Test
	void aProvinceOrCityCodeContainsWhatLiesInIt() {
		assertThat(Regions.contains("510000", "510107")).isTrue();
		assertThat(Regions.contains("510100", "510107")).isTrue();
		assertThat(Regions.contains("510100", "510100")).isTrue();
		assertThat(Regions.contains("510100", "511300")).isFalse();
		assertThat(Regions.contains("110000", "510107")).isFalse();
		assertThat(Regions.contains("510100", null)).isFalse();
	}

	@Test
	void anExemptionCoversItsRegionsOrInstitutionsInItsDepartments() {
		PolicyProperties.Exemption zhejiangPaediatrics = new PolicyProperties.Exemption(List.of("330000"), null, List.of("07"));

		assertThat(zhejiangPaediatrics.covers("330106", Set.of(), Set.of("07"))).isTrue();
		assertThat(zhejiangPaediatrics.covers("330106", Set.of(), Set.of("03"))).isFalse();
		assertThat(zhejiangPaediatrics.covers("510107", Set.of(), Set.of("07"))).isFalse();
		assertThat(new PolicyProperties.Exemption(null, List.of("H33010600001"), null)
				.covers(null, Set.of("H33010600001"), Set.of())).isTrue();
	}

	@Test
	void exemptionsAndRetentionBindFromConfigurationWithSafeDefaults() {
		PolicyProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
						"hulian.policy.rules.IH-FOLLOWUP-001.exemptions[0].regions[0]", "330000",
						"hulian.policy.retention.conversations", "5y")))
				.bind("hulian.policy", PolicyProperties.class)
				.get();

		assertThat(properties.settings("IH-FOLLOWUP-001").exemptions()).singleElement()
				.satisfies(exemption -> assertThat(exemption.regions()).containsExactly("330000"));
		assertThat(properties.settings("IH-CHILD-006").exemptions()).isEmpty();
		assertThat(properties.retention().conversations().getYears()).isEqualTo(5);
		assertThat(properties.retention().clinicalRecords().getYears()).isEqualTo(15);
	}

	@Test
	void theSameDiagnosisIsTheSameCodeOrTheSameIcd10CategoryAcrossEditions() {
		assertThat(FollowUpOnlyRule.sameDiagnosis(new Coding(ICD10_CLINICAL, "I10.x00x002", null),
				new Coding(ICD10_NHSA, "I10.x00", null))).isTrue();
		assertThat(FollowUpOnlyRule.sameDiagnosis(new Coding(ICD10_CLINICAL, "I10.x00x002", null),
				new Coding(ICD10_CLINICAL, "E11.900", null))).isFalse();
		assertThat(FollowUpOnlyRule.sameDiagnosis(new Coding("http://snomed.info/sct", "38341003", null),
				new Coding("http://snomed.info/sct", "38341003", null))).isTrue();
	}
}
