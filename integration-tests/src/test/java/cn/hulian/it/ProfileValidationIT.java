package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Resources that declare a Hulian profile are validated against it when written; others are accepted as plain R4. */
class ProfileValidationIT extends ServerTestSupport {

	private static final Path PROFILES = Path.of(System.getProperty("hulian.profiles.dir", "../profiles"));
	private static final Path INVALID = PROFILES.resolve("src/test/fhir/invalid");
	/** The in-person records the examples follow up (plain R4, so not part of the package). */
	private static final Path EXAMPLE_CONTEXT = Path.of("src/test/resources/example-context");

	static Stream<Path> shippedExamples() throws IOException {
		return jsonFiles(PROFILES.resolve("target/fhir-package/package/example"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shippedExamples")
	void everyShippedExampleValidates(Path example) throws IOException {
		IBaseResource resource = FHIR.newJsonParser().parseResource(Files.readString(example));

		HttpResponse<String> response = send(fhirRequest(resource.fhirType() + "/$validate")
				.header("Content-Type", "application/fhir+json")
				.POST(BodyPublishers.ofString(Files.readString(example))));

		assertThat(operationOutcome(response).getIssue()).as(response.body())
				.noneMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
	}

	/**
	 * The examples tell one story that the regulation rules accept, with the in-person visits they follow up: stored
	 * together in one transaction, as a hospital system would send them.
	 */
	@Test
	void theShippedExamplesAreStoredTogetherInOneTransaction() throws IOException {
		Bundle transaction = shippedStory();

		Bundle response = client.transaction().withBundle(transaction).execute();

		assertThat(response.getEntry()).hasSize(transaction.getEntry().size())
				.allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).matches("20[01].*"));
	}

	static Stream<String> invalidExamples() throws IOException {
		Properties expected = expectedErrors();
		return expected.stringPropertyNames().stream().sorted().map(file -> file + "=" + expected.getProperty(file));
	}

	/** The same invalid examples and expected messages as the profiles module's unit test, now over HTTP. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void refusesEveryInvalidExampleWith422AndTheExpectedMessage(String fileAndExpectedMessage) throws IOException {
		String[] parts = fileAndExpectedMessage.split("=", 2);

		HttpResponse<String> response = store(Files.readString(INVALID.resolve(parts[0])));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains(parts[1]);
	}

	/**
	 * The entries of a transaction share one validator: an invalid example after the whole valid story is still
	 * refused with its own message.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidExamples")
	void refusesEveryInvalidExampleAtTheEndOfATransactionWithTheExpectedMessage(String fileAndExpectedMessage)
			throws IOException {
		String[] parts = fileAndExpectedMessage.split("=", 2);
		Bundle transaction = shippedStory();
		addPut(transaction, (Resource) FHIR.newJsonParser().parseResource(Files.readString(INVALID.resolve(parts[0])))
				.setId(unique("invalid")));

		HttpResponse<String> response = send(fhirRequest("").header("Content-Type", "application/fhir+json")
				.POST(BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(transaction))));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains(parts[1]);
	}

	@Test
	void refusesAnInvalidResidentIdWith422NamingTheRuleAndTheElement() throws IOException {
		HttpResponse<String> response =
				store(Files.readString(INVALID.resolve("Patient-cn-patient-bad-check-digit.json")));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		OperationOutcome.OperationOutcomeIssueComponent issue = operationOutcome(response).getIssue().stream()
				.filter(i -> i.getDiagnostics().contains("cn-pat-1"))
				.findFirst()
				.orElseThrow();
		assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		assertThat(issue.getExpression()).extracting(Object::toString).anySatisfy(path -> assertThat(path)
				.startsWith("Patient.identifier[0]"));
	}

	@Test
	void acceptsAPlainR4PatientWithoutNationalIdentifiers() {
		HttpResponse<String> response = store("{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"王芳\"}]}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	@Test
	void validateOperationReportsTheSameErrors() throws IOException {
		String invalid = Files.readString(INVALID.resolve("Patient-cn-patient-no-national-id.json"));

		HttpResponse<String> response = send(fhirRequest("Patient/$validate")
				.header("Content-Type", "application/fhir+json")
				.POST(BodyPublishers.ofString(invalid)));

		assertThat(response.body()).contains("cn-pat-2");
		assertThat(operationOutcome(response).getIssue())
				.anySatisfy(issue -> assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR));
	}

	@Test
	void profilesAreServedWithTheirSnapshots() {
		Bundle result = client.search()
				.byUrl("StructureDefinition?url=http://hulian.cn/fhir/StructureDefinition/cn-patient")
				.returnBundle(Bundle.class)
				.execute();

		assertThat(result.getEntry()).hasSize(1);
		assertThat(((StructureDefinition) result.getEntryFirstRep().getResource()).hasSnapshot()).isTrue();
	}

	/** The shipped examples and the records they refer to, each stored under its own id. */
	private static Bundle shippedStory() throws IOException {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (Path file : Stream.concat(shippedExamples(), jsonFiles(EXAMPLE_CONTEXT)).toList()) {
			addPut(transaction, (Resource) FHIR.newJsonParser().parseResource(Files.readString(file)));
		}
		return transaction;
	}

	private static void addPut(Bundle transaction, Resource resource) {
		transaction.addEntry().setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
	}

	/** Stores a JSON resource under its own id (PUT), or lets the server assign one when it has none (POST). */
	private HttpResponse<String> store(String body) {
		IBaseResource resource = FHIR.newJsonParser().parseResource(body);
		HttpRequest.Builder request = resource.getIdElement().hasIdPart()
				? fhirRequest(resource.fhirType() + "/" + resource.getIdElement().getIdPart()).PUT(BodyPublishers.ofString(body))
				: fhirRequest(resource.fhirType()).POST(BodyPublishers.ofString(body));
		return send(request.header("Content-Type", "application/fhir+json"));
	}

	private static Properties expectedErrors() throws IOException {
		Properties expected = new Properties();
		try (Reader reader = Files.newBufferedReader(INVALID.resolve("expected-errors.properties"))) {
			expected.load(reader);
		}
		return expected;
	}

	private static Stream<Path> jsonFiles(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
		}
	}
}
