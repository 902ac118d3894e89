package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import cn.hulian.bench.generate.ResidentIdNumber;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two regions, two server processes with a database each: the shared server is Zhejiang's (330000), and this test
 * starts Sichuan's (510000) with the embedded default. A patient from Zhejiang is treated in Sichuan: a Sichuan
 * clinician asks Sichuan's server for the records Zhejiang holds, Sichuan's server asks Zhejiang's with a token from
 * the national identity provider ({@link TestIssuer}), and Zhejiang answers under its patients' sharing directives,
 * with a Provenance naming each record's institution and region. A third peer (Guangdong) is configured but down.
 */
class CrossRegionExchangeIT extends ServerTestSupport {

	private static final String SICHUAN = "510000";
	private static final String GUANGDONG = "440000";
	private static final String SICHUAN_HOSPITAL = "12510000450717001A1001";
	private static final String ZHEJIANG_HOSPITAL = TestIssuer.HOSPITAL_A;
	private static final String OTHER_ZHEJIANG_HOSPITAL = TestIssuer.HOSPITAL_B;
	private static final String RESIDENT_ID_SYSTEM = "urn:oid:2.16.156.10011.1.3";
	private static final TestIssuer ISSUER = TestIssuer.get();

	private static ServerProcess sichuan;

	@BeforeAll
	static void startSichuan() {
		Map<String, String> environment = new HashMap<>(ISSUER.trustedBy());
		environment.put("HULIAN_CROSSREGION_REGION", SICHUAN);
		environment.put("HULIAN_CROSSREGION_PEERTIMEOUT", "5s");
		environment.put("HULIAN_CROSSREGION_PEERS_0_REGION", SharedServer.ZHEJIANG);
		environment.put("HULIAN_CROSSREGION_PEERS_0_NAME", "浙江省全民健康信息平台");
		environment.put("HULIAN_CROSSREGION_PEERS_0_FHIRBASEURL", SharedServer.get().fhirBaseUrl());
		environment.put("HULIAN_CROSSREGION_PEERS_0_TOKENURL", ISSUER.tokenUrl());
		environment.put("HULIAN_CROSSREGION_PEERS_0_CLIENTID", TestIssuer.PEER_CLIENT_ID);
		environment.put("HULIAN_CROSSREGION_PEERS_0_CLIENTSECRET", TestIssuer.PEER_CLIENT_SECRET);
		// Nothing listens there: Guangdong's server is down.
		int nobody = ServerProcess.freePort();
		environment.put("HULIAN_CROSSREGION_PEERS_1_REGION", GUANGDONG);
		environment.put("HULIAN_CROSSREGION_PEERS_1_NAME", "广东省全民健康信息平台");
		environment.put("HULIAN_CROSSREGION_PEERS_1_FHIRBASEURL", "http://localhost:" + nobody + "/fhir");
		environment.put("HULIAN_CROSSREGION_PEERS_1_TOKENURL", "http://localhost:" + nobody + "/token");
		environment.put("HULIAN_CROSSREGION_PEERS_1_CLIENTID", "hulian-region-510000");
		environment.put("HULIAN_CROSSREGION_PEERS_1_CLIENTSECRET", "unused");
		sichuan = new ServerProcess(WorkDirectory.fresh("region-sichuan"), environment);
		sichuan.start();
		sichuan.awaitHealthy();
	}

	@AfterAll
	static void stopSichuan() {
		sichuan.stop();
	}

	@Test
	void aClinicianInSichuanSeesTheRecordsZhejiangHoldsWithTheirOrigin() {
		String residentId = newResidentId();
		IGenericClient zhejiangHospital = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(ZHEJIANG_HOSPITAL));
		String zhejiangPatient = create(zhejiangHospital, patient(residentId));
		String condition = create(zhejiangHospital, condition(zhejiangPatient, "2型糖尿病"));
		String observation = create(newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(OTHER_ZHEJIANG_HOSPITAL)),
				observation(zhejiangPatient, "空腹血糖 7.8 mmol/L"));
		String sichuanPatient = create(sichuanHospital(), patient(residentId));

		HttpResponse<String> answer = crossRegionRecords(sichuanPatient, clinicianToken(), null, "");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		Bundle records = FHIR.newJsonParser().parseResource(Bundle.class, answer.body());

		List<String> found = matches(records);
		assertThat(found.stream().filter(record -> !record.contains("/Provenance/"))).containsExactlyInAnyOrder(
				server.fhirBaseUrl() + "/" + zhejiangPatient,
				server.fhirBaseUrl() + "/" + condition,
				server.fhirBaseUrl() + "/" + observation);
		assertThat(found).as("with the stored Provenance of the Patient's creation").hasSize(4);
		Provenance ofObservation = provenanceOf(records, server.fhirBaseUrl() + "/" + observation);
		assertThat(agentIdentifier(ofObservation, "author")).isEqualTo(OTHER_ZHEJIANG_HOSPITAL);
		assertThat(agentIdentifier(ofObservation, "custodian")).isEqualTo(SharedServer.ZHEJIANG);
		assertThat(agentIdentifier(provenanceOf(records, server.fhirBaseUrl() + "/" + condition), "author"))
				.isEqualTo(ZHEJIANG_HOSPITAL);

		assertThat(warnings(records)).as("Guangdong is down: said, not hidden").singleElement().satisfies(warning ->
				assertThat(warning).contains("广东省全民健康信息平台").contains(GUANGDONG));

		AuditEvent disclosure = awaitDisclosure(zhejiangPatient);
		assertThat(disclosure.getAgentFirstRep().getAltId()).isEqualTo(TestIssuer.PEER_CLIENT_ID);
		String query = new String(disclosure.getEntity().stream().filter(entity -> entity.hasQuery()).findFirst()
				.orElseThrow().getQuery(), StandardCharsets.UTF_8);
		assertThat(query).contains("requesting-region=" + SICHUAN).contains("requester-institution=" + SICHUAN_HOSPITAL);
	}

	@Test
	void zhejiangWithholdsTheRecordsOfAPatientWhoDeniedSharingUnlessSichuanStatesAnEmergency() {
		String residentId = newResidentId();
		IGenericClient zhejiangHospital = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(ZHEJIANG_HOSPITAL));
		String zhejiangPatient = create(zhejiangHospital, patient(residentId));
		String condition = create(zhejiangHospital, condition(zhejiangPatient, "HIV 感染"));
		zhejiangHospital.create().resource(ConsentIT.denial(zhejiangPatient)).execute();
		String sichuanPatient = create(sichuanHospital(), patient(residentId));

		Bundle withheld = FHIR.newJsonParser().parseResource(Bundle.class,
				crossRegionRecords(sichuanPatient, clinicianToken(), null, "&region=" + SharedServer.ZHEJIANG).body());
		assertThat(matches(withheld)).as("the records, and the Provenances that tell who wrote them").isEmpty();
		assertThat(warnings(withheld)).as("only Zhejiang was asked, and it answered").isEmpty();

		Bundle emergency = FHIR.newJsonParser().parseResource(Bundle.class,
				crossRegionRecords(sichuanPatient, clinicianToken(), "ETREAT", "&region=" + SharedServer.ZHEJIANG).body());
		assertThat(matches(emergency)).contains(server.fhirBaseUrl() + "/" + condition);
		AuditEvent glassBroken = awaitDisclosure(zhejiangPatient);
		assertThat(glassBroken.getPurposeOfEvent()).anySatisfy(purpose ->
				assertThat(purpose.getCodingFirstRep().getCode()).isEqualTo("ETREAT"));
	}

	@Test
	void onlyPeerRegionsAskZhejiangAndOnlyForRecordsByResidentId() {
		String residentId = newResidentId();
		String byResidentId = "Patient/$region-records?identifier=" + encode(RESIDENT_ID_SYSTEM + "|" + residentId)
				+ "&requesting-region=" + SICHUAN + "&requester-institution=" + SICHUAN_HOSPITAL + "&requester=Practitioner/1";
		String peer = peerToken();

		assertThat(send(fhirRequest(byResidentId).header("Authorization", "Bearer " + clinicianToken())).statusCode())
				.as("a clinician is no peer region").isEqualTo(403);
		assertThat(send(fhirRequest("Patient?identifier=" + encode(RESIDENT_ID_SYSTEM + "|" + residentId))
				.header("Authorization", "Bearer " + peer)).statusCode())
				.as("a peer region asks for records by resident ID, nothing else").isEqualTo(403);
		assertThat(send(fhirRequest(byResidentId).header("Authorization", "Bearer " + peer)).statusCode()).isEqualTo(200);

		HttpResponse<String> anonymous = send(fhirRequest(byResidentId.replace("&requester=Practitioner/1", ""))
				.header("Authorization", "Bearer " + peer).header("Accept-Language", "zh-CN"));
		assertThat(anonymous.statusCode()).isEqualTo(400);
		assertThat(diagnostics(anonymous)).contains("requester").contains("审计");
		HttpResponse<String> badNumber = send(fhirRequest(byResidentId.replace(residentId, "12345"))
				.header("Authorization", "Bearer " + peer));
		assertThat(badNumber.statusCode()).isEqualTo(400);
		assertThat(diagnostics(badNumber)).contains("resident ID");
	}

	@Test
	void sichuanRefusesWhatItCannotAsk() {
		String withoutResidentId = create(sichuanHospital(), new Patient().addName(new org.hl7.fhir.r4.model.HumanName()
				.setFamily("王")));
		HttpResponse<String> noNumber = crossRegionRecords(withoutResidentId, clinicianToken(), null, "");
		assertThat(noNumber.statusCode()).isEqualTo(422);
		assertThat(diagnostics(noNumber)).contains(RESIDENT_ID_SYSTEM);

		String patient = create(sichuanHospital(), patient(newResidentId()));
		HttpResponse<String> unknownRegion = crossRegionRecords(patient, clinicianToken(), null, "&region=650000");
		assertThat(unknownRegion.statusCode()).isEqualTo(400);
		assertThat(diagnostics(unknownRegion)).contains("650000").contains(SharedServer.ZHEJIANG).contains(GUANGDONG);

		String patientToken = ISSUER.token(Map.of("hulian_role", "patient", "scope", "patient/*.rs",
				"patient", patient.split("/")[1]));
		assertThat(crossRegionRecords(patient, patientToken, null, "").statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> crossRegionRecords(String patient, String token, String purposeOfUse, String query) {
		HttpRequest.Builder request = HttpRequest.newBuilder(
						URI.create(sichuan.fhirBaseUrl() + "/" + patient + "/$cross-region-records?_format=json" + query))
				.header("Authorization", "Bearer " + token);
		if (purposeOfUse != null) {
			request.header("X-Purpose-Of-Use", purposeOfUse);
		}
		return send(request);
	}

	/** Zhejiang's record of a disclosure to a peer region about {@code patient}, once it is searchable. */
	private AuditEvent awaitDisclosure(String patient) {
		IGenericClient auditor = newClient(server.fhirBaseUrl(),
				ISSUER.token(Map.of("hulian_role", "auditor", "scope", "system/*.rs")));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			List<AuditEvent> events = auditor.search()
					.byUrl("AuditEvent?patient=" + patient + "&altid=" + TestIssuer.PEER_CLIENT_ID + "&_sort=-date")
					.cacheControl(new CacheControlDirective().setNoCache(true))
					.returnBundle(Bundle.class).execute().getEntry().stream()
					.map(entry -> (AuditEvent) entry.getResource()).toList();
			if (!events.isEmpty() || Instant.now().isAfter(deadline)) {
				assertThat(events).as("AuditEvent of the disclosure to Sichuan").isNotEmpty();
				return events.get(0);
			}
			ServerProcess.sleep(Duration.ofMillis(500));
		}
	}

	private static List<String> matches(Bundle records) {
		return records.getEntry().stream()
				.filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
				.map(Bundle.BundleEntryComponent::getFullUrl)
				.toList();
	}

	private static List<String> warnings(Bundle records) {
		return records.getEntry().stream()
				.filter(entry -> entry.getResource() instanceof OperationOutcome)
				.map(entry -> ((OperationOutcome) entry.getResource()).getIssueFirstRep().getDiagnostics())
				.toList();
	}

	private static Provenance provenanceOf(Bundle records, String record) {
		return records.getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource)
				.filter(Provenance.class::isInstance)
				.map(Provenance.class::cast)
				.filter(provenance -> provenance.getTargetFirstRep().getReference().startsWith(record + "/_history/"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no Provenance for " + record));
	}

	private static String agentIdentifier(Provenance provenance, String type) {
		return provenance.getAgent().stream()
				.filter(agent -> type.equals(agent.getType().getCodingFirstRep().getCode()))
				.map(agent -> agent.getWho().getIdentifier().getValue())
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + type + " agent"));
	}

	private static IGenericClient sichuanHospital() {
		return newClient(sichuan.fhirBaseUrl(), SecurityIT.hospitalToken(SICHUAN_HOSPITAL));
	}

	private static String clinicianToken() {
		return ISSUER.token(Map.of("hulian_role", "clinician", "hulian_institution", SICHUAN_HOSPITAL,
				"scope", "user/*.rs", "fhirUser", "Practitioner/sc-1"));
	}

	private static String peerToken() {
		return ISSUER.token(Map.of("hulian_role", "region-peer", "scope", "system/*.rs",
				"client_id", TestIssuer.PEER_CLIENT_ID));
	}

	private static String create(IGenericClient client, Resource resource) {
		return client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private static Patient patient(String residentId) {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(RESIDENT_ID_SYSTEM).setValue(residentId);
		patient.addName().setFamily("李").addGiven("明");
		return patient;
	}

	private static Condition condition(String patient, String text) {
		Condition condition = new Condition();
		condition.setSubject(new Reference(patient));
		condition.getCode().setText(text);
		return condition;
	}

	private static Observation observation(String patient, String text) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
		observation.setSubject(new Reference(patient));
		observation.getCode().setText(text);
		return observation;
	}

	/** A resident ID registered in Hangzhou, unique enough that no other test's patient has it. */
	private static String newResidentId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return ResidentIdNumber.of("330106", LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12),
				1 + random.nextInt(28)), random.nextInt(499), random.nextBoolean());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
