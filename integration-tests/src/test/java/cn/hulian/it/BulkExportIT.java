package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * FHIR Bulk Data export over HTTP, as a regional platform runs it: kick-off with {@code Prefer: respond-async}, poll
 * the status URL until the manifest, download each NDJSON file. Each test tags its own records, so exports of the
 * shared database can be asserted exactly.
 */
class BulkExportIT extends ServerTestSupport {

	private static final TestIssuer ISSUER = TestIssuer.get();
	private static final String RUN_TAGS = "http://hulian.cn/fhir/CodeSystem/test-run";
	private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(3);
	private static final ObjectMapper JSON = new ObjectMapper();

	private final String run = unique("export");
	private final String platformClient = unique("platform");
	private final String platform = platformToken(platformClient, "system/*.rs");
	private final IGenericClient hospital = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A));

	@Test
	void aPlatformExportsTheSystemAGroupAndPatientsAsNdjson() {
		PatientRecords a = patientWithWeight();
		PatientRecords b = patientWithWeight();
		PatientRecords c = patientWithWeight();
		Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
		group.addMember().setEntity(new Reference(a.patient()));
		group.addMember().setEntity(new Reference(b.patient()));
		String groupId = hospital.create().resource(group).execute().getId().toUnqualifiedVersionless().getValue();

		// Kicked off together: each export takes a few steps of the server's batch jobs.
		String system = kickOff("$export?_type=Patient,Observation" + typeFilters(), platform);
		String ofGroup = kickOff(groupId + "/$export?_type=Patient,Observation", platform);
		String ofPatient = kickOff(a.patient() + "/$export?_type=Patient,Observation", platform);
		String ofPatients = kickOff("Patient/$export?_type=Patient,Observation" + typeFilters(), platform);

		assertThat(exported(system, platform)).isEqualTo(union(a, b, c));
		assertThat(exported(ofGroup, platform)).isEqualTo(union(a, b));
		assertThat(exported(ofPatient, platform)).isEqualTo(union(a));
		assertThat(exported(ofPatients, platform)).isEqualTo(union(a, b, c));
	}

	@Test
	void typeAndSinceNarrowAnExport() throws InterruptedException {
		PatientRecords before = patientWithWeight();
		Instant since = hospital.read().resource(Observation.class).withId(before.observation()).execute()
				.getMeta().getLastUpdated().toInstant().plusMillis(1);
		Thread.sleep(1100);
		PatientRecords after = patientWithWeight();

		String observationsOnly = kickOff("$export?_type=Observation" + typeFilters(), platform);
		String changedSince = kickOff("$export?_type=Patient,Observation&_since=" + since + typeFilters(), platform);

		assertThat(exported(observationsOnly, platform)).containsExactlyInAnyOrder(before.observation(), after.observation());
		assertThat(exported(changedSince, platform)).isEqualTo(union(after));
	}

	@Test
	void onlyTheRequesterPollsAndDownloadsAndBothAreAudited() {
		PatientRecords a = patientWithWeight();
		String statusUrl = kickOff(a.patient() + "/$export?_type=Patient", platform);
		String otherPlatform = platformToken(unique("platform"), "system/*.rs");

		assertForbidden(poll(statusUrl, otherPlatform), "another client");
		assertForbidden(poll(statusUrl, TestIssuer.get().admin()), "another client");
		JsonNode manifest = awaitManifest(statusUrl, platform);
		assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
		assertThat(manifest.get("request").asText()).endsWith("/$export?_type=Patient");
		String file = manifest.get("output").get(0).get("url").asText();
		assertForbidden(download(file, otherPlatform), "another client");
		HttpResponse<String> download = download(file, platform);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/fhir+ndjson"));

		String binary = URI.create(file).getPath().replaceFirst(".*/(Binary/[^/]+)$", "$1");
		List<AuditEvent> events = awaitAuditEvents(platformClient, found -> found.size() >= 2);
		assertThat(events).anySatisfy(event -> {
			assertThat(event.getSubtype()).extracting(Coding::getCode).contains("operation", "$export");
			assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
			assertThat(event.getEntity()).anySatisfy(entity -> assertThat(entity.getWhat().getReference())
					.isEqualTo(a.patient()));
		});
		assertThat(events).anySatisfy(event -> {
			assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("read");
			assertThat(event.getEntity()).anySatisfy(entity -> assertThat(entity.getWhat().getReference())
					.startsWith(binary));
		});
	}

	@Test
	void anExportLeavesOutWhatAPatientWithholdsFromThePlatform() {
		PatientRecords withheld = patientWithWeight();
		PatientRecords shared = patientWithWeight();
		hospital.create().resource(ConsentIT.denial(withheld.patient())).execute();
		Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
		group.addMember().setEntity(new Reference(withheld.patient()));
		group.addMember().setEntity(new Reference(shared.patient()));
		String groupId = hospital.create().resource(group).execute().getId().toUnqualifiedVersionless().getValue();

		String byPlatform = kickOff(groupId + "/$export?_type=Patient,Observation", platform);
		String admin = TestIssuer.get().admin();
		String byAdministrator = kickOff(groupId + "/$export?_type=Patient,Observation", admin);

		assertThat(exported(byPlatform, platform)).isEqualTo(union(shared));
		assertThat(exported(byAdministrator, admin)).as("administrators are not bound by sharing directives")
				.isEqualTo(union(withheld, shared));
	}

	@Test
	void rolesThatDoNotAggregateMayNotExport() {
		Map<String, String> refused = Map.of(
				"auditor", ISSUER.token(Map.of("hulian_role", "auditor", "scope", "system/*.rs")),
				"institution-system", SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A),
				"clinician", ISSUER.token(Map.of("hulian_role", "clinician", "hulian_institution", TestIssuer.HOSPITAL_A,
						"scope", "user/*.cruds")));
		refused.forEach((role, token) -> {
			assertForbidden(send(exportRequest("$export?_type=Patient", token)), role);
			assertForbidden(send(exportRequest("Patient/$export?_type=Patient", token)), role);
		});

		String patientsOnly = platformToken(unique("platform"), "system/Patient.rs system/Binary.rs");
		assertForbidden(send(exportRequest("$export?_type=Observation", patientsOnly)), "regional-platform");
		assertForbidden(send(exportRequest("$export", patientsOnly)), "regional-platform");
		assertThat(send(exportRequest("$export?_type=Patient" + typeFilters(), patientsOnly)).statusCode())
				.as("the types its scopes read").isEqualTo(202);
	}

	@Test
	void badParametersAreRefusedWith400() {
		List<String> refused = List.of(
				"$export?_type=NotAType",
				"$export?_type=Binary",
				"$export?_type=Patient&_since=yesterday",
				"$export?_type=Patient&_since=2026-13-45T00:00:00Z",
				"$export?_type=Patient&_outputFormat=" + encode("application/json"),
				"$export?_type=Patient&_typeFilter=Patient",
				"$export?_type=Patient&_typeFilter=" + encode("Patient?no-such-parameter=1"),
				"$export?_type=Patient&_typeFilter=" + encode("NotAType?name=x"));
		for (String query : refused) {
			HttpResponse<String> response = send(exportRequest(query, platform));
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(operationOutcome(response).getIssueFirstRep().getSeverity()).as(query)
					.isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		}
		HttpResponse<String> synchronous = send(withToken(fhirRequest("$export?_type=Patient"), platform));
		assertThat(synchronous.statusCode()).as("without Prefer: respond-async").isEqualTo(400);
		assertThat(diagnostics(synchronous)).contains("async");
		HttpResponse<String> noJob = send(withToken(fhirRequest("$export-poll-status"), platform));
		assertThat(noJob.statusCode()).isEqualTo(400);
		assertThat(diagnostics(noJob)).contains("_jobId");
		assertThat(send(withToken(fhirRequest("$export-poll-status?_jobId=no-such-job"), platform)).statusCode())
				.isEqualTo(404);
	}

	/** A patient of this test's run with one weight observation, both written by hospital A. */
	private PatientRecords patientWithWeight() {
		Patient patient = new Patient();
		patient.getMeta().addTag(RUN_TAGS, run, null);
		patient.addName().setFamily("导出");
		String patientId = hospital.create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue();
		Observation weight = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setSubject(new Reference(patientId));
		weight.getMeta().addTag(RUN_TAGS, run, null);
		weight.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7").setDisplay("Body weight");
		String observationId = hospital.create().resource(weight).execute().getId().toUnqualifiedVersionless().getValue();
		return new PatientRecords(patientId, observationId);
	}

	private record PatientRecords(String patient, String observation) {}

	private static Set<String> union(PatientRecords... patients) {
		Set<String> records = new HashSet<>();
		for (PatientRecords patient : patients) {
			records.add(patient.patient());
			records.add(patient.observation());
		}
		return records;
	}

	/** Limits an export to this test's records. */
	private String typeFilters() {
		String tag = "_tag=" + RUN_TAGS + "|" + run;
		return "&_typeFilter=" + encode("Patient?" + tag) + "&_typeFilter=" + encode("Observation?" + tag);
	}

	private HttpRequest.Builder exportRequest(String pathAndQuery, String token) {
		return withToken(fhirRequest(pathAndQuery), token).header("Prefer", "respond-async");
	}

	/** Kicks off an export; answers its status URL. */
	private String kickOff(String pathAndQuery, String token) {
		HttpResponse<String> response = send(exportRequest(pathAndQuery, token));
		assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(202);
		return response.headers().firstValue("Content-Location").orElseThrow();
	}

	/** The records an export wrote into its files, as Type/id, after polling it to completion and downloading them. */
	private Set<String> exported(String statusUrl, String token) {
		JsonNode manifest = awaitManifest(statusUrl, token);
		assertThat(manifest.get("error")).isEmpty();
		Set<String> records = new HashSet<>();
		for (JsonNode output : manifest.get("output")) {
			HttpResponse<String> file = download(output.get("url").asText(), token);
			assertThat(file.statusCode()).isEqualTo(200);
			file.body().lines().filter(line -> !line.isBlank()).forEach(line -> {
				IBaseResource resource = FHIR.newJsonParser().parseResource(line);
				assertThat(resource.fhirType()).isEqualTo(output.get("type").asText());
				assertThat(records.add(resource.getIdElement().toUnqualifiedVersionless().getValue())).isTrue();
			});
		}
		return records;
	}

	/** Polls until the manifest: 202 with X-Progress while the export runs, then 200 with the manifest. */
	private JsonNode awaitManifest(String statusUrl, String token) {
		Instant deadline = Instant.now().plus(EXPORT_TIMEOUT);
		while (true) {
			HttpResponse<String> status = poll(statusUrl, token);
			if (status.statusCode() == 200) {
				try {
					return JSON.readTree(status.body());
				} catch (IOException e) {
					throw new AssertionError("not a manifest: " + status.body(), e);
				}
			}
			assertThat(status.statusCode()).as(status.body()).isEqualTo(202);
			assertThat(status.headers().firstValue("X-Progress")).isPresent();
			assertThat(Instant.now()).as("export finished in time").isBefore(deadline);
			sleep(Duration.ofMillis(500));
		}
	}

	private static HttpResponse<String> poll(String statusUrl, String token) {
		return sendAsIs(HttpRequest.newBuilder(URI.create(statusUrl)).header("Authorization", "Bearer " + token).build());
	}

	private static HttpResponse<String> download(String fileUrl, String token) {
		return sendAsIs(HttpRequest.newBuilder(URI.create(fileUrl)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+ndjson").build());
	}

	private List<AuditEvent> awaitAuditEvents(String clientId, Predicate<List<AuditEvent>> done) {
		IGenericClient auditor = newClient(server.fhirBaseUrl(), ISSUER.token(Map.of("hulian_role", "auditor",
				"scope", "system/*.rs")));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		List<AuditEvent> found = new ArrayList<>();
		while (!done.test(found) && Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(250));
			found = auditor.search().byUrl("AuditEvent?altid=" + clientId + "&_count=100")
					.cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute()
					.getEntry().stream().map(entry -> (AuditEvent) entry.getResource()).toList();
		}
		return found;
	}

	private static void assertForbidden(HttpResponse<String> response, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(diagnostics(response)).contains(reason);
	}

	private static String platformToken(String clientId, String scopes) {
		return ISSUER.token(Map.of("hulian_role", "regional-platform", "scope", scopes, "client_id", clientId));
	}

	private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
