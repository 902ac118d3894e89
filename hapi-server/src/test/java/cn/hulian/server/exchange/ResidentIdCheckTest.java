package cn.hulian.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import cn.hulian.server.packages.FhirPackageLoader;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java check gives the same answer as the cn-patient profile's own rule (cn-pat-1), which validates on write. */
class ResidentIdCheckTest {

	private static final IFhirPath FHIR_PATH = FhirContext.forR5Cached().newFhirPath();
	private static IFhirPath.IParsedExpression profileRule;

	private final ResidentIdCheck check = new ResidentIdCheck();

	@BeforeAll
	static void parseTheProfileRule() throws Exception {
		profileRule = FHIR_PATH.parse(profileRule());
	}

	@ParameterizedTest
	@ValueSource(strings = {"11010519491231002X", "110105194912310021", "440524188001010014", "440524188001010015",
			"330106199001011234", "51010719850315271X", "510107198503152718", "1101051949123100", "11010519491231002x",
			"A1010519491231002X", "1101051949123100211", ""})
	void agreesWithTheProfileRule(String number) {
		var identifier = new org.hl7.fhir.r5.model.Identifier().setSystem(ResidentIdCheck.SYSTEM).setValue(number);
		boolean profileSays = FHIR_PATH.evaluateFirst(identifier, profileRule, org.hl7.fhir.r5.model.BooleanType.class)
				.map(org.hl7.fhir.r5.model.BooleanType::booleanValue)
				.orElse(false);

		assertThat(check.isValid(number)).as(number).isEqualTo(profileSays);
	}

	private static String profileRule() {
		String profileUrl = "http://hulian.cn/fhir/StructureDefinition/cn-patient";
		StructureDefinition profile = FhirContext.forR4Cached().newJsonParser().parseResource(StructureDefinition.class,
				FhirPackageLoader.bundledResource(profileUrl).orElseThrow());
		return Stream.concat(profile.getSnapshot().getElement().stream(), profile.getDifferential().getElement().stream())
				.flatMap(element -> element.getConstraint().stream())
				.filter(constraint -> "cn-pat-1".equals(constraint.getKey()))
				.map(ElementDefinition.ElementDefinitionConstraintComponent::getExpression)
				.findFirst()
				.orElseThrow();
	}
}
