package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/** The Chinese code systems answer the FHIR terminology operations, offline. */
class TerminologyIT extends ServerTestSupport {

	private static final String ETHNICITY = "urn:oid:2.16.156.10011.2.3.3.3";
	private static final String ICD10_CLINICAL = "http://hulian.cn/fhir/CodeSystem/icd10-cn-clinical-2";
	private static final String DIVISION = "http://hulian.cn/fhir/CodeSystem/gbt-2260-division";

	@Test
	void expandsTheEthnicityValueSetToAll56Groups() {
		ValueSet expansion = client.operation()
				.onType(ValueSet.class)
				.named("$expand")
				.withParameter(Parameters.class, "url", new UriType("http://hulian.cn/fhir/ValueSet/cn-ethnicity"))
				.returnResourceType(ValueSet.class)
				.execute();

		assertThat(expansion.getExpansion().getContains()).hasSize(56);
		assertThat(expansion.getExpansion().getContains())
				.anySatisfy(code -> {
					assertThat(code.getCode()).isEqualTo("03");
					assertThat(code.getDisplay()).isEqualTo("回族");
				});
	}

	@Test
	void looksUpAChineseCode() {
		assertThat(lookUpDisplay(ETHNICITY, "05")).isEqualTo("维吾尔族");
	}

	@Test
	void validatesCodesAgainstAValueSet() {
		Parameters known = validateCode("cn-administrative-division", DIVISION, "440000");
		Parameters unknown = validateCode("cn-administrative-division", DIVISION, "999999");

		assertThat(((BooleanType) known.getParameterValue("result")).booleanValue()).isTrue();
		assertThat(((BooleanType) unknown.getParameterValue("result")).booleanValue()).isFalse();
	}

	@Test
	void aProvinceSubsumesItsPrefecturesAndCountiesButNotAnotherProvinces() {
		assertThat(subsumes(DIVISION, "510000", "510107")).isEqualTo("subsumes");
		assertThat(subsumes(DIVISION, "510100", "510000")).isEqualTo("subsumed-by");
		assertThat(subsumes(DIVISION, "440000", "510107")).isEqualTo("not-subsumed");
	}

	@Test
	void looksUpPrefectureAndCountyLevelDivisions() {
		assertThat(lookUpDisplay(DIVISION, "513400")).isEqualTo("凉山彝族自治州");
		assertThat(lookUpDisplay(DIVISION, "510107")).isEqualTo("武侯区");
	}

	@Test
	void anIcdCategorySubsumesItsExtensionCodesInTheCuratedClinicalEdition() {
		assertThat(subsumes(ICD10_CLINICAL, "I10", "I10.x00x023")).isEqualTo("subsumes");
		assertThat(subsumes(ICD10_CLINICAL, "E11.900", "E11")).isEqualTo("subsumed-by");
		assertThat(subsumes(ICD10_CLINICAL, "I10.x00x023", "I10.x00x024")).isEqualTo("not-subsumed");
	}

	@Test
	void translatesAClinicalDiagnosisToTheNhsaEditionForSettlement() {
		Parameters result = client.operation()
				.onType(ConceptMap.class)
				.named("$translate")
				.withParameter(Parameters.class, "url", new UriType("http://hulian.cn/fhir/ConceptMap/icd10-cn-clinical-2-to-nhsa-2"))
				.andParameter("system", new UriType(ICD10_CLINICAL))
				.andParameter("code", new CodeType("I10.x00x023"))
				.execute();

		assertThat(((BooleanType) result.getParameterValue("result")).booleanValue()).isTrue();
		Parameters.ParametersParameterComponent match = result.getParameter().stream()
				.filter(p -> p.getName().equals("match"))
				.findFirst()
				.orElseThrow();
		Coding concept = (Coding) match.getPart().stream().filter(p -> p.getName().equals("concept")).findFirst().orElseThrow().getValue();
		assertThat(concept.getSystem()).isEqualTo("http://hulian.cn/fhir/CodeSystem/icd10-cn-nhsa-2");
		assertThat(concept.getCode()).isEqualTo("I10.x03");
		assertThat(match.getPart()).anySatisfy(part -> {
			assertThat(part.getName()).isEqualTo("equivalence");
			assertThat(part.getValue().primitiveValue()).isEqualTo("wider");
		});
	}

	@Test
	void refusesToSubsumeAnUnknownCodeWith400() {
		assertThatThrownBy(() -> subsumes(ICD10_CLINICAL, "I10", "X99.999"))
				.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("X99.999"));
	}

	private String lookUpDisplay(String system, String code) {
		Parameters result = client.operation()
				.onType("CodeSystem")
				.named("$lookup")
				.withParameter(Parameters.class, "system", new UriType(system))
				.andParameter("code", new CodeType(code))
				.execute();
		return ((StringType) result.getParameterValue("display")).getValue();
	}

	private String subsumes(String system, String codeA, String codeB) {
		Parameters result = client.operation()
				.onType("CodeSystem")
				.named("$subsumes")
				.withParameter(Parameters.class, "system", new UriType(system))
				.andParameter("codeA", new CodeType(codeA))
				.andParameter("codeB", new CodeType(codeB))
				.execute();
		return ((CodeType) result.getParameterValue("outcome")).getValue();
	}

	private Parameters validateCode(String valueSet, String system, String code) {
		return client.operation()
				.onType(ValueSet.class)
				.named("$validate-code")
				.withParameter(Parameters.class, "url", new UriType("http://hulian.cn/fhir/ValueSet/" + valueSet))
				.andParameter("system", new UriType(system))
				.andParameter("code", new CodeType(code))
				.execute();
	}
}
