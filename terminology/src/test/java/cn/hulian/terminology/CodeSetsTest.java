package cn.hulian.terminology;

import static cn.hulian.terminology.BuiltTerminologyPackage.RESOURCES;
import static cn.hulian.terminology.BuiltTerminologyPackage.VALIDATOR;
import static cn.hulian.terminology.BuiltTerminologyPackage.codeSystem;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

/** The code sets as packaged: valid FHIR, complete where the standard is, with the codes the standards define. */
class CodeSetsTest {


	@Test
	void everyResourceIsValidFhir() {
		assertThat(RESOURCES).isNotEmpty().allSatisfy(resource -> assertThat(VALIDATOR.validate(resource).getMessages())
				.filteredOn(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.isEmpty());
	}

	@Test
	void ethnicityHasAll56GroupsOfGbt3304() {
		CodeSystem ethnicity = codeSystem("urn:oid:2.16.156.10011.2.3.3.3");

		assertThat(ethnicity.getConcept()).hasSize(56);
		assertThat(ethnicity.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode).doesNotHaveDuplicates();
		assertThat(ethnicity.getConcept().get(0).getDisplay()).isEqualTo("汉族");
		assertThat(ethnicity.getConcept().get(55).getDisplay()).isEqualTo("基诺族");
	}

	@Test
	void administrativeDivisionsHoldEveryProvinceLevelDivision() {
		CodeSystem divisions = codeSystem("http://hulian.cn/fhir/CodeSystem/gbt-2260-division");

		assertThat(divisions.getConcept()).hasSize(34)
				.allSatisfy(concept -> assertThat(concept.getCode()).matches("[1-8][0-9]0000"));
	}

	@Test
	void divisionsNestUnderTheDivisionTheyArePartOf() {
		CodeSystem divisions = codeSystem("http://hulian.cn/fhir/CodeSystem/gbt-2260-division");

		assertThat(divisions.getConcept()).allSatisfy(province -> assertThat(province.getConcept())
				.allSatisfy(prefecture -> {
					assertThat(prefecture.getCode()).matches(province.getCode().substring(0, 2) + "[0-9]{2}00")
							.isNotEqualTo(province.getCode());
					assertThat(prefecture.getConcept()).allSatisfy(county -> assertThat(county.getCode())
							.matches(prefecture.getCode().substring(0, 4) + "[0-9][0-9]")
							.isNotEqualTo(prefecture.getCode()));
				}));
		assertThat(child(child(divisions.getConcept(), "510000").getConcept(), "510100").getConcept())
				.extracting(CodeSystem.ConceptDefinitionComponent::getCode, CodeSystem.ConceptDefinitionComponent::getDisplay)
				.contains(Tuple.tuple("510107", "武侯区"));
	}

	@Test
	void divisionsHoldAllThreeLevelsOfGbt2260() {
		CodeSystem divisions = codeSystem("http://hulian.cn/fhir/CodeSystem/gbt-2260-division");
		List<CodeSystem.ConceptDefinitionComponent> prefectures = divisions.getConcept().stream()
				.flatMap(province -> province.getConcept().stream()).toList();
		List<CodeSystem.ConceptDefinitionComponent> counties = prefectures.stream()
				.flatMap(prefecture -> prefecture.getConcept().stream()).toList();

		// 333 prefecture-level divisions plus 9 grouping codes (municipal districts, counties, province-administered counties).
		assertThat(prefectures).hasSize(342);
		// Development zones and other statistical functional zones (fifth digit 7) are not divisions.
		assertThat(counties).hasSize(2851).noneSatisfy(county -> assertThat(county.getCode()).matches("[0-9]{4}7[0-9]"));
		assertThat(divisions.getCount()).isEqualTo(34 + 342 + 2851);
		assertThat(divisions.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
	}

	@Test
	void documentTypesAreWst500PartsIncludingTheOnesUploadedForFollowUpCare() {
		CodeSystem documentTypes = codeSystem("http://hulian.cn/fhir/CodeSystem/wst-500-document-type");

		// The code is the part number of WS/T 500-2016, which has 53 parts.
		assertThat(documentTypes.getConcept()).allSatisfy(concept -> assertThat(Integer.parseInt(concept.getCode())).isBetween(1, 53));
		assertThat(documentTypes.getConcept())
				.extracting(CodeSystem.ConceptDefinitionComponent::getCode, CodeSystem.ConceptDefinitionComponent::getDisplay)
				.contains(Tuple.tuple("2", "门（急）诊病历"), Tuple.tuple("6", "检查报告"), Tuple.tuple("7", "检验报告"),
						Tuple.tuple("53", "出院小结"));
		assertThat(documentTypes.getCount()).isEqualTo(documentTypes.getConcept().size());
	}

	private static CodeSystem.ConceptDefinitionComponent child(List<CodeSystem.ConceptDefinitionComponent> concepts, String code) {
		return concepts.stream().filter(c -> c.getCode().equals(code)).findFirst().orElseThrow();
	}
}
