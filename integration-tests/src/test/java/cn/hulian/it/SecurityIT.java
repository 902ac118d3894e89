package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Nobody in where they do not belong: tokens checked on every request, scopes and roles bounding what a caller does,
 * institutions changing only their own records, patients seeing only their own compartment.
 */
class SecurityIT extends ServerTestSupport {

	private static final TestIssuer ISSUER = TestIssuer.get();

	static String hospitalToken(String institution) {
		return ISSUER.token(Map.of("hulian_role", "institution-system", "hulian_institution", institution,
				"scope", "system/*.cruds", "client_id", unique("his")));
	}

	@Test
	void everyRequestButTheCapabilityStatementNeedsAToken() {
		HttpResponse<String> anonymous = sendAsIs(fhirRequest("Patient").build());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				header -> assertThat(header).startsWith("Bearer"));
		assertThat(diagnostics(anonymous)).contains("bearer token");
		HttpResponse<String> inChinese = sendAsIs(fhirRequest("Patient").header("Accept-Language", "zh-CN").build());
		assertThat(diagnostics(inChinese)).contains("访问令牌");

		assertThat(sendAsIs(fhirRequest("metadata").build()).statusCode()).isEqualTo(200);
		HttpResponse<String> smart = sendAsIs(HttpRequest.newBuilder(
				URI.create(server.baseUrl() + "/.well-known/smart-configuration")).build());
		assertThat(smart.statusCode()).isEqualTo(200);
		assertThat(smart.body()).contains("\"token_endpoint\":\"" + server.baseUrl() + "/oauth/token\"")
				.contains("client_credentials");
	}

	@Test
	void forgedExpiredForeignAndRolelessTokensAreRefused() {
		Map<String, Object> admin = Map.of("hulian_role", "administrator", "scope", "system/*.cruds");
		Map<String, String> refused = Map.of(
				"bad signature", ISSUER.forged(admin),
				"expired", ISSUER.expired(admin),
				"wrong issuer", ISSUER.fromUntrustedIssuer(admin),
				"no role", ISSUER.token(Map.of("scope", "system/*.cruds")),
				"not a JWT", "not-a-token");
		refused.forEach((why, token) -> {
			HttpResponse<String> response = sendAsIs(withToken(fhirRequest("Patient"), token));
			assertThat(response.statusCode()).as(why).isEqualTo(401);
			assertThat(diagnostics(response)).as(why).startsWith("The bearer token was refused");
		});
		assertThat(sendAsIs(withToken(fhirRequest("Patient"), ISSUER.token(admin))).statusCode()).isEqualTo(200);
	}

	@Test
	void aDemoClientGetsATokenWithOneRequestToTheBuiltInEndpoint() {
		String token = server.demoToken("hospital-his", "hospital-demo-secret");
		assertThat(sendAsIs(withToken(fhirRequest("Patient?_count=1"), token)).statusCode()).isEqualTo(200);

		HttpResponse<String> wrongSecret = tokenRequest("hospital-his:wrong", "grant_type=client_credentials");
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(wrongSecret.body()).contains("invalid_client");
		HttpResponse<String> tooMuch = tokenRequest("pharmacist:pharmacist-demo-secret",
				"grant_type=client_credentials&scope=system/*.cruds");
		assertThat(tooMuch.statusCode()).isEqualTo(400);
		assertThat(tooMuch.body()).contains("invalid_scope");
		HttpResponse<String> narrower = tokenRequest("auditor:auditor-demo-secret",
				"grant_type=client_credentials&scope=system/Patient.rs");
		assertThat(narrower.statusCode()).isEqualTo(200);
		assertThat(narrower.body()).contains("\"scope\":\"system/Patient.rs\"");
	}

	@Test
	void aScopeAllowsOnlyItsInteractionsOnItsResourceTypes() {
		String patientsOnly = ISSUER.token(Map.of("hulian_role", "regional-platform", "scope", "system/Patient.rs"));
		IGenericClient platform = newClient(server.fhirBaseUrl(), patientsOnly);
		assertThat(platform.search().forResource(Patient.class).count(1).returnBundle(Bundle.class).execute()).isNotNull();

		HttpResponse<String> observations = sendAsIs(withToken(fhirRequest("Observation?_count=1"), patientsOnly));
		assertThat(observations.statusCode()).isEqualTo(403);
		assertThat(diagnostics(observations)).contains("system/Patient.rs");
		HttpResponse<String> write = sendAsIs(withToken(newPatient(), patientsOnly));
		assertThat(write.statusCode()).isEqualTo(403);
	}

	@Test
	void anInstitutionChangesOnlyItsOwnRecords() {
		IGenericClient hospitalA = newClient(server.fhirBaseUrl(), hospitalToken(TestIssuer.HOSPITAL_A));
		IGenericClient hospitalB = newClient(server.fhirBaseUrl(), hospitalToken(TestIssuer.HOSPITAL_B));
		Patient patient = new Patient();
		patient.addName().setFamily("王");
		patient.getMeta().addTag("http://hulian.cn/fhir/CodeSystem/source-institution", TestIssuer.HOSPITAL_B, null);
		String id = hospitalA.create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue();

		Patient stored = hospitalA.read().resource(Patient.class).withId(id).execute();
		assertThat(stored.getMeta().getTag()).as("the writer's institution, whatever the client claimed")
				.filteredOn(tag -> tag.getSystem().endsWith("source-institution"))
				.singleElement().satisfies(tag -> assertThat(tag.getCode()).isEqualTo(TestIssuer.HOSPITAL_A));

		stored.getNameFirstRep().setFamily("汪");
		assertThatForbidden(() -> hospitalB.update().resource(stored).execute(), TestIssuer.HOSPITAL_A);
		assertThatForbidden(() -> hospitalB.delete().resourceById(stored.getIdElement().toVersionless()).execute(),
				TestIssuer.HOSPITAL_A);
		assertThat(hospitalA.update().resource(stored).execute().getId().getVersionIdPart()).isEqualTo("2");
		assertThat(client.read().resource(Patient.class).withId(id).execute().getNameFirstRep().getFamily())
				.isEqualTo("汪");
	}

	@Test
	void anAuditorReadsEverythingAndWritesNothing() {
		String auditor = ISSUER.token(Map.of("hulian_role", "auditor", "scope", "system/*.cruds"));
		assertThat(sendAsIs(withToken(fhirRequest("Patient?_count=1"), auditor)).statusCode()).isEqualTo(200);
		assertThat(sendAsIs(withToken(fhirRequest("AuditEvent?_count=1"), auditor)).statusCode()).isEqualTo(200);
		assertThat(sendAsIs(withToken(fhirRequest("Patient/_history?_count=1"), auditor)).statusCode()).isEqualTo(200);
		HttpResponse<String> write = sendAsIs(withToken(newPatient(), auditor));
		assertThat(write.statusCode()).isEqualTo(403);

		HttpResponse<String> notAnAuditor = sendAsIs(withToken(fhirRequest("AuditEvent?_count=1"),
				hospitalToken(TestIssuer.HOSPITAL_A)));
		assertThat(notAnAuditor.statusCode()).isEqualTo(403);
	}

	@Test
	void aPatientTokenSeesOnlyThatPatientsRecords() {
		String own = client.create().resource(new Patient().addName(new HumanName().setFamily("李")))
				.execute().getId().getIdPart();
		String other = client.create().resource(new Patient()).execute().getId().getIdPart();
		Observation otherObservation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setSubject(new Reference("Patient/" + other));
		otherObservation.getCode().setText("体重");
		String otherObservationId = client.create().resource(otherObservation).execute().getId().toUnqualifiedVersionless().getValue();

		String patientToken = ISSUER.token(Map.of("hulian_role", "patient", "patient", own, "scope", "patient/*.rs"));
		assertThat(sendAsIs(withToken(fhirRequest("Patient/" + own), patientToken)).statusCode()).isEqualTo(200);
		assertThat(sendAsIs(withToken(fhirRequest("Patient/" + other), patientToken)).statusCode()).isEqualTo(403);
		assertThat(sendAsIs(withToken(fhirRequest(otherObservationId), patientToken)).statusCode()).isEqualTo(403);
		assertThat(sendAsIs(withToken(fhirRequest("Observation?subject=Patient/" + other), patientToken)).statusCode())
				.isEqualTo(403);
		assertThat(sendAsIs(withToken(fhirRequest("Observation?subject=Patient/" + own), patientToken)).statusCode())
				.isEqualTo(200);
		HttpResponse<String> everything = sendAsIs(withToken(fhirRequest("Patient/" + own + "/$everything"), patientToken));
		assertThat(everything.statusCode()).isEqualTo(200);
		assertThat(everything.body()).as("the audit trail is for auditors").doesNotContain("\"AuditEvent\"");
	}

	private HttpRequest.Builder newPatient() {
		return fhirRequest("Patient")
				.POST(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Patient\"}"))
				.header("Content-Type", "application/fhir+json");
	}

	static HttpRequest withToken(HttpRequest.Builder request, String token) {
		return request.header("Authorization", "Bearer " + token).build();
	}

	private HttpResponse<String> tokenRequest(String credentials, String form) {
		return sendAsIs(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth/token"))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build());
	}

	private static void assertThatForbidden(Runnable request, String owner) {
		assertThatThrownBy(request::run)
				.isInstanceOf(ForbiddenOperationException.class)
				.hasMessageContaining(owner);
	}
}
