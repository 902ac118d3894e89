package cn.hulian.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import cn.hulian.fhirpackage.BuiltPackageValidator;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

/** The code sets as packaged: valid FHIR, complete where the standard is, with the codes the standards define. */
class CodeSetsTest {

	private static final BuiltPackageValidator VALIDATOR = new BuiltPackageValidator(Path.of("target/fhir-package/package"));
	private static final List<IBaseResource> RESOURCES = VALIDATOR.parseAll(Path.of("target/fhir-package/package"));

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

	private static CodeSystem codeSystem(String url) {
		return RESOURCES.stream()
				.filter(CodeSystem.class::isInstance)
				.map(CodeSystem.class::cast)
				.filter(cs -> cs.getUrl().equals(url))
				.findFirst()
				.orElseThrow();
	}
}
