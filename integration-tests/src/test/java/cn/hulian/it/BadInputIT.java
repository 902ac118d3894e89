package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, a mistake gets a 4xx with an OperationOutcome that says what is wrong, and records
 * already stored stay as they were.
 */
class BadInputIT extends ServerTestSupport {

	/** hulian.limits.max-request-size and max-bundle-entries, as documented in the README. */
	private static final int MAX_REQUEST_BYTES = 20 * 1024 * 1024;
	private static final int MAX_BUNDLE_ENTRIES = 5000;

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

	private HttpResponse<String> putStoredPatient(String contentType, HttpRequest.BodyPublisher body) {
		return send(fhirRequest("Patient/" + storedId).header("Content-Type", contentType).PUT(body));
	}

	private void assertRejected(HttpResponse<String> response, int status, String diagnosticsContain) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("fhir+json");
		assertThat(diagnostics(response)).contains(diagnosticsContain);
		Patient survivor = client.read().resource(Patient.class).withId(storedId).execute();
		assertThat(survivor.getNameFirstRep().getFamily()).isEqualTo("Sun");
		assertThat(survivor.getMeta().getVersionId()).isEqualTo("1");
	}

	private String patientWithNameOfSize(int bytes) {
		return "{\"resourceType\":\"Patient\",\"id\":\"" + storedId + "\",\"name\":[{\"family\":\"" + "x".repeat(bytes)
				+ "\"}]}";
	}
}
