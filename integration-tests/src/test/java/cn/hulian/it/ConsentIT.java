package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * A patient's Consent can deny sharing their records with other institutions; in an emergency a treating institution
 * breaks the glass, stating its purpose, and that access is audited.
 */
class ConsentIT extends ServerTestSupport {

	private static final TestIssuer ISSUER = TestIssuer.get();

	@Test
	void aDenialKeepsRecordsFromOtherInstitutionsUnlessATreatingOneBreaksTheGlass() throws InterruptedException {
		IGenericClient hospitalA = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A));
		String hospitalBClient = unique("county-his");
		String hospitalB = ISSUER.token(Map.of("hulian_role", "institution-system", "hulian_institution",
				TestIssuer.HOSPITAL_B, "scope", "system/*.cruds", "client_id", hospitalBClient));
		String platform = ISSUER.token(Map.of("hulian_role", "regional-platform", "scope", "system/*.rs"));
		String patient = hospitalA.create().resource(new Patient()).execute().getId().toUnqualifiedVersionless().getValue();
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setSubject(new Reference(patient));
		observation.getCode().setText("HIV 抗体");
		String record = hospitalA.create().resource(observation).execute().getId().toUnqualifiedVersionless().getValue();
		assertThat(read(record, hospitalB, null).statusCode()).as("shared before the patient says otherwise").isEqualTo(200);

		Consent denial = denial(patient);
		String consentId = hospitalA.create().resource(denial).execute().getId().toUnqualifiedVersionless().getValue();

		HttpResponse<String> refused = read(record, hospitalB, null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(diagnostics(refused)).contains("consent").contains(TestIssuer.HOSPITAL_B);
		Bundle search = newClient(server.fhirBaseUrl(), hospitalB).search()
				.byUrl("Observation?subject=" + patient).returnBundle(Bundle.class).execute();
		assertThat(search.getEntry()).as("left out of searches").isEmpty();
		assertThat(read(record, platform, null).statusCode()).isEqualTo(403);
		assertThat(hospitalA.read().resource(Observation.class).withId(record).execute()).as("its own record").isNotNull();

		HttpResponse<String> platformBreaksGlass = read(record, platform, "ETREAT");
		assertThat(platformBreaksGlass.statusCode()).isEqualTo(403);
		assertThat(diagnostics(platformBreaksGlass)).contains("break the glass");
		assertThat(read(record, hospitalB, "ETREAT").statusCode()).isEqualTo(200);

		IGenericClient auditor = newClient(server.fhirBaseUrl(), ISSUER.token(Map.of("hulian_role", "auditor",
				"scope", "system/*.rs")));
		List<AuditEvent> glassBroken = List.of();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (glassBroken.isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			glassBroken = auditor.search().byUrl("AuditEvent?altid=" + hospitalBClient + "&patient=" + patient)
					.cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute().getEntry().stream()
					.map(entry -> (AuditEvent) entry.getResource())
					.filter(event -> event.getPurposeOfEvent().stream().anyMatch(purpose -> purpose.hasCoding(
							"http://terminology.hl7.org/CodeSystem/v3-ActReason", "BTG")))
					.toList();
		}
		assertThat(glassBroken).singleElement().satisfies(event -> {
			assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
			assertThat(event.getEntity()).extracting(entity -> entity.getWhat().getReference())
					.anySatisfy(what -> assertThat(what).startsWith(record));
		});

		denial.setId(consentId);
		denial.getProvision().addProvision().setType(Consent.ConsentProvisionType.PERMIT).addActor()
				.setRole(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleClass", "PROV", null)))
				.setReference(new Reference().setIdentifier(
						new Identifier().setSystem("urn:oid:2.16.156.10011.1.5").setValue(TestIssuer.HOSPITAL_B)));
		hospitalA.update().resource(denial).execute();
		assertThat(read(record, hospitalB, null).statusCode()).as("permitted by name").isEqualTo(200);
	}

	/** An active Consent of {@code patient} denying sharing with other institutions. */
	static Consent denial(String patient) {
		Consent consent = new Consent();
		consent.setStatus(Consent.ConsentState.ACTIVE);
		consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
				"patient-privacy", null)));
		consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
		consent.setPatient(new Reference(patient));
		consent.setDateTime(new Date());
		consent.addPolicy().setUri("http://hulian.cn/fhir/policy/no-sharing-with-other-institutions");
		consent.getProvision().setType(Consent.ConsentProvisionType.DENY);
		return consent;
	}

	private HttpResponse<String> read(String record, String token, String purposeOfUse) {
		HttpRequest.Builder request = fhirRequest(record);
		if (purposeOfUse != null) {
			request.header("X-Purpose-Of-Use", purposeOfUse);
		}
		return sendAsIs(SecurityIT.withToken(request, token));
	}
}
