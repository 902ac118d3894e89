package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever a client sends, a mistake gets a 4xx with an OperationOutcome that says what is wrong, and records
 * already stored stay as they were.
 */
class BadInputIT extends ServerTestSupport {

	/** hulian.limits.max-request-size and max-bundle-entries, as documented in the README. */
	private static final int MAX_REQUEST_BYTES = 20 * 1024 * 1024;
	private static final int MAX_BUNDLE_ENTRIES = 5000;
	/** FHIR: strings SHALL NOT exceed 1 MB. */
	private static final int MAX_STRING_LENGTH = 1024 * 1024;
	private static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

	private String storedId;

	@BeforeEach
	void storeARecordThatMustSurvive() {
		Patient patient = new Patient();
		patient.setId(unique("survivor"));
		patient.addName().setFamily("Sun");
		client.update().resource(patient).execute();
		storedId = patient.getIdElement().getIdPart();
	}

	@Test
	void malformedJson() {
		HttpResponse<String> response = putStoredPatient(
				"application/fhir+json", BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"id\":\"" + storedId + "\",\"name\":["));

		assertRejected(response, 400, "Failed to parse request body as JSON resource");
	}

	@Test
	void malformedXml() {
		HttpResponse<String> response = putStoredPatient(
				"application/fhir+xml", BodyPublishers.ofString("<Patient xmlns=\"http://hl7.org/fhir\"><id value=\"" + storedId + "\"/><name>"));

		assertRejected(response, 400, "Failed to parse request body as XML resource");
	}

	@Test
	void bodyOfAnotherTypeThanTheUrlNames() {
		HttpResponse<String> response = putStoredPatient(
				"application/fhir+json", BodyPublishers.ofString("{\"resourceType\":\"Observation\",\"id\":\"" + storedId + "\",\"status\":\"final\"}"));

		assertRejected(response, 400, "Observation");
	}

	@ParameterizedTest
	@ValueSource(strings = {"<diff", "<diff><replace sel=\"/Patient/nothing\">1</replace></diff>"})
	void xmlPatchThatCannotBeApplied(String patch) {
		HttpResponse<String> response = send(fhirRequest("Patient/" + storedId)
				.header("Content-Type", "application/xml-patch+xml")
				.method("PATCH", BodyPublishers.ofString(patch)));

		assertRejected(response, 422, "XML Patch");
	}

	@Test
	void operationParameterOfTheWrongKind() {
		HttpResponse<String> response = send(fhirRequest("Patient/$validate")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(
						"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"valueString\":\"Patient\"}]}")));

		assertRejected(response, 400, "$validate");
	}

	@Test
	void unknownResourceType() {
		HttpResponse<String> response = send(fhirRequest("Patiant?name=x").GET());

		assertRejected(response, 404, "Patiant");
	}

	@Test
	void unknownSearchParameter() {
		HttpResponse<String> response = send(fhirRequest("Patient?favourite-colour=blue").GET());

		assertRejected(response, 400, "favourite-colour");
	}

	@Test
	void requestLargerThanTheLimitWithContentLength() {
		HttpResponse<String> response = putStoredPatient(
				"application/fhir+json", BodyPublishers.ofString(patientWithNameOfSize(MAX_REQUEST_BYTES + 1)));

		assertRejected(response, 413, "20,971,520");
	}

	@Test
	void chunkedRequestLargerThanTheLimitIsStoppedWhileReading() {
		byte[] body = patientWithNameOfSize(MAX_REQUEST_BYTES + 1).getBytes();
		// No Content-Length: the body arrives chunked and is counted as it is read.
		HttpResponse<String> response = putStoredPatient(
				"application/fhir+json", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

		assertRejected(response, 413, "20,971,520");
	}

	@Test
	void tooManyBundleEntriesAnsweredInChineseWhenAsked() {
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		String family = unique("Flood");
		for (int i = 0; i <= MAX_BUNDLE_ENTRIES; i++) {
			Patient patient = new Patient();
			patient.addName().setFamily(family);
			batch.addEntry().setResource(patient).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		}

		HttpResponse<String> response = send(fhirRequest("")
				.header("Content-Type", "application/fhir+json")
				.header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
				.POST(BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(batch))));

		assertRejected(response, 413, "最多接受 5,000 个");
		assertThat(client.search().byUrl("Patient?family=" + family + "&_summary=count")
						.returnBundle(Bundle.class).execute().getTotal())
				.isZero();
	}

	/** Requests that Tomcat or Spring Security refuse before HAPI sees them, sent as raw bytes no HTTP client would send. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
		"/fhir/Patient/..%2F..%2Fetc%2Fpasswd",
		"/fhir/Patient/%2e%2e%2f%2e%2e",
		"/fhir/Patient/a%00b",
		"/fhir/Patient/<script>alert(1)</script>",
		"/fhir/Patient?name=<script>alert(1)</script>",
		"/fhir/Patient/../../actuator/env",
	})
	void requestRefusedBeforeHapiIsAnOperationOutcome(String target) {
		assertRejected(rawGet(target), 400, "The server cannot read this request (HTTP 400)");
	}

	@Test
	void tooManyQueryParametersIsAnOperationOutcome() {
		String parameters = IntStream.range(0, 3000).mapToObj(i -> "name=a" + i).collect(Collectors.joining("&"));

		assertRejected(rawGet("/fhir/Patient?_id=1&" + parameters), 400, "The server cannot read this request (HTTP 400)");
	}

	@Test
	void bodyThatIsNotUtf8() {
		String before = "{\"resourceType\":\"Patient\",\"id\":\"" + storedId + "\",\"name\":[{\"family\":\"";
		byte[] body = (before + "\u00ff\u00fe\u00c3\"}]}").getBytes(StandardCharsets.ISO_8859_1);

		HttpResponse<String> response = putStoredPatient("application/fhir+json", BodyPublishers.ofByteArray(body));

		assertRejected(response, 400, "The request body is not valid UTF-8 (at byte " + before.length() + ")");
	}

	@Test
	void queryStringThatIsNotUtf8() {
		HttpResponse<String> response = send(fhirRequest("Patient?name=%ff%fe").GET());

		assertRejected(response, 400, "The query string is not valid percent-encoded UTF-8 (at character 5)");
	}

	@Test
	void countThatIsNotANumberInAnOperation() {
		HttpResponse<String> response = send(fhirRequest("Patient/" + storedId + "/$everything?_count=abc").GET());

		assertRejected(response, 400, "_count must be a non-negative whole number no larger than 2147483647, not \"abc\"");
	}

	@Test
	void negativeCountAndOffsetInChinese() {
		HttpResponse<String> count = send(fhirRequest("Patient?_count=-1").header("Accept-Language", "zh-CN").GET());
		HttpResponse<String> offset = send(fhirRequest("Patient?_offset=-5").GET());

		assertRejected(count, 400, "_count 须为不大于 2147483647 的非负整数，不能是“-1”");
		assertRejected(offset, 400, "_offset must be a non-negative whole number");
	}

	@Test
	void stringLongerThanFhirAllows() {
		HttpResponse<String> response = putStoredPatient(
				"application/fhir+json", BodyPublishers.ofString(patientWithNameOfSize(MAX_STRING_LENGTH + 1)));

		assertRejected(response, 400, "Patient.name.family has 1,048,577 characters; FHIR allows a string at most 1,048,576");
	}

	@Test
	void stringWithACharacterThatCannotBeStored() {
		HttpResponse<String> response = putStoredPatient("application/fhir+json", BodyPublishers.ofString(
				"{\"resourceType\":\"Patient\",\"id\":\"" + storedId + "\",\"name\":[{\"family\":\"a\\u0000b\"}]}"));

		assertRejected(response, 400, "Patient.name.family has a character no text can be stored with at position 1");
	}

	@Test
	void ifMatchThatIsNoVersion() {
		HttpResponse<String> response = send(fhirRequest("Patient/" + storedId)
				.header("Content-Type", "application/fhir+json")
				.header("If-Match", "garbage")
				.PUT(BodyPublishers.ofString(patientWithNameOfSize(3))));

		assertRejected(response, 400, "If-Match must name a version as an ETag");
	}

	@Test
	void searchValueThatIsNoDate() {
		// ServerLogIT checks that HAPI no longer logs this client mistake as a server error.
		HttpResponse<String> response = send(fhirRequest("Patient?birthdate=gt2020-13-45").GET());

		assertRejected(response, 400, "Invalid date/time format");
	}

	private HttpResponse<String> putStoredPatient(String contentType, HttpRequest.BodyPublisher body) {
		return send(fhirRequest("Patient/" + storedId).header("Content-Type", contentType).PUT(body));
	}

	private void assertRejected(HttpResponse<String> response, int status, String diagnosticsContain) {
		assertRejected(new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body()), status, diagnosticsContain);
	}

	private void assertRejected(Answer answer, int status, String diagnosticsContain) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.contentType()).isEqualToIgnoringCase(FHIR_JSON);
		OperationOutcome outcome = (OperationOutcome) FHIR.newJsonParser().parseResource(answer.body());
		assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(diagnosticsContain);
		Patient survivor = client.read().resource(Patient.class).withId(storedId).execute();
		assertThat(survivor.getNameFirstRep().getFamily()).isEqualTo("Sun");
		assertThat(survivor.getMeta().getVersionId()).isEqualTo("1");
	}

	private String patientWithNameOfSize(int bytes) {
		return "{\"resourceType\":\"Patient\",\"id\":\"" + storedId + "\",\"name\":[{\"family\":\"" + "x".repeat(bytes)
				+ "\"}]}";
	}

	private record Answer(int status, String contentType, String body) {}

	/** GET {@code target} exactly as written, over HTTP/1.0 so the answer ends where the connection does. */
	private Answer rawGet(String target) {
		URI base = URI.create(server.baseUrl());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + target + " HTTP/1.0\r\nHost: " + base.getAuthority() + "\r\nAuthorization: Bearer "
					+ TestIssuer.get().admin() + "\r\nAccept: application/fhir+json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int headersEnd = answer.indexOf("\r\n\r\n");
			String[] headers = answer.substring(0, headersEnd).split("\r\n");
			String contentType = "";
			for (String header : headers) {
				if (header.toLowerCase().startsWith("content-type:")) {
					contentType = header.substring("content-type:".length()).trim();
				}
			}
			return new Answer(Integer.parseInt(headers[0].split(" ")[1]), contentType, answer.substring(headersEnd + 4));
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
