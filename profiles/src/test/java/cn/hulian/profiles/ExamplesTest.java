package cn.hulian.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import cn.hulian.fhirpackage.BuiltPackageValidator;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped example conforms to its profile; every invalid example is refused for the documented reason. */
class ExamplesTest {

	private static final Path BUILT_PACKAGE = Path.of("target/fhir-package/package");
	private static final Path INVALID = Path.of("src/test/fhir/invalid");
	private static final BuiltPackageValidator VALIDATOR =
			new BuiltPackageValidator(BUILT_PACKAGE, "hulian.fhir.cn.terminology");

	@Test
	void theProfilesShipWithSnapshots() {
		assertThat(VALIDATOR.parseAll(BUILT_PACKAGE))
				.filteredOn(resource -> resource instanceof StructureDefinition)
				.isNotEmpty()
				.allSatisfy(sd -> assertThat(((StructureDefinition) sd).hasSnapshot()).isTrue());
	}

	static Stream<IBaseResource> examples() {
		return VALIDATOR.examples().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyExampleIsValid(IBaseResource example) {
		assertThat(example.getMeta().getProfile()).as("examples declare the profile they illustrate").isNotEmpty();

		assertThat(errors(VALIDATOR.validate(example))).isEmpty();
	}

	static Stream<String> invalidExamples() throws IOException {
		return expectedErrors().stringPropertyNames().stream().sorted();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void everyInvalidExampleFailsWithTheExpectedMessage(String file) throws IOException {
		ValidationResult result = VALIDATOR.validate(VALIDATOR.parse(INVALID.resolve(file)));

		assertThat(errors(result)).anySatisfy(message -> assertThat(message).contains(expectedErrors().getProperty(file)));
	}

	@Test
	void everyInvalidExampleHasAnExpectedMessage() throws IOException {
		try (Stream<Path> files = Files.list(INVALID)) {
			assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")))
					.containsExactlyInAnyOrderElementsOf(expectedErrors().stringPropertyNames());
		}
	}

	private static List<String> errors(ValidationResult result) {
		return result.getMessages().stream()
				.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.map(m -> m.getLocationString() + ": " + m.getMessage())
				.toList();
	}

	private static Properties expectedErrors() throws IOException {
		Properties expected = new Properties();
		try (Reader reader = Files.newBufferedReader(INVALID.resolve("expected-errors.properties"))) {
			expected.load(reader);
		}
		return expected;
	}
}
