package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Every access on record: an AuditEvent for each interaction, a Provenance for each write, AuditEvents nobody can
 * change and a hash chain that shows when somebody changed one in the database; the auditor's queries.
 */
class AuditTrailIT extends ServerTestSupport {

	private static final TestIssuer ISSUER = TestIssuer.get();
	private static final Duration AUDIT_DELAY = Duration.ofSeconds(30);
	private static final String AUDIT_CHAIN = "http://hulian.cn/fhir/StructureDefinition/audit-chain";

	private final IGenericClient auditor = newClient(server.fhirBaseUrl(),
			ISSUER.token(Map.of("hulian_role", "auditor", "scope", "system/*.rs", "client_id", "audit-office")));

	@Test
	void everyKindOfInteractionLeavesAnAuditEvent() {
		String clientId = unique("his");
		IGenericClient his = newClient(server.fhirBaseUrl(), ISSUER.token(Map.of("hulian_role", "institution-system",
				"hulian_institution", TestIssuer.HOSPITAL_A, "scope", "system/*.cruds", "client_id", clientId)));
		String patient = his.create().resource(new Patient()).execute().getId().toUnqualifiedVersionless().getValue();
		Observation observation = weight(patient);
		String id = his.create().resource(observation).execute().getId().toUnqualifiedVersionless().getValue();
		his.read().resource(Observation.class).withId(id).execute();
		his.read().resource(Observation.class).withUrl(id + "/_history/1").execute();
		observation.setId(id);
		observation.setStatus(Observation.ObservationStatus.AMENDED);
		his.update().resource(observation).execute();
		his.search().byUrl("Observation?subject=" + patient).returnBundle(Bundle.class).execute();
		his.history().onInstance(id).returnBundle(Bundle.class).execute();
		his.operation().onInstance(patient).named("$everything").withNoParameters(Parameters.class)
				.returnResourceType(Bundle.class).execute();
		his.delete().resourceById(new IdType(id)).execute();
		HttpResponse<String> refused = sendAsIs(SecurityIT.withToken(fhirRequest("AuditEvent"),
				ISSUER.token(Map.of("hulian_role", "institution-system", "scope", "system/*.rs", "client_id", clientId))));
		assertThat(refused.statusCode()).isEqualTo(403);

		List<AuditEvent> events = awaitAuditEvents("AuditEvent?altid=" + clientId + "&_count=100",
				found -> found.size() >= 11);
		assertThat(events).extracting(event -> event.getSubtypeFirstRep().getCode()).contains(
				"create", "read", "vread", "update", "search-type", "history-instance", "operation", "delete");
		assertThat(events).filteredOn(event -> "delete".equals(event.getSubtypeFirstRep().getCode())).singleElement()
				.satisfies(delete -> {
					assertThat(delete.getAction()).isEqualTo(AuditEvent.AuditEventAction.D);
					assertThat(delete.getEntity()).extracting(entity -> entity.getWhat().getReference())
							.contains(patient, id + "/_history/3");
				});
		assertThat(events).filteredOn(event -> "read".equals(event.getSubtypeFirstRep().getCode())).singleElement()
				.satisfies(read -> {
					assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
					assertThat(read.getAgent()).extracting(agent -> agent.getWho().getIdentifier().getValue())
							.contains(clientId, TestIssuer.HOSPITAL_A);
				});
		assertThat(events).filteredOn(event -> event.getOutcome() == AuditEvent.AuditEventOutcome._4).singleElement()
				.satisfies(failure -> assertThat(failure.getOutcomeDesc()).startsWith("403"));

		String probe = unique("probe");
		assertThat(sendAsIs(fhirRequest("Patient?name=" + probe).build()).statusCode()).isEqualTo(401);
		assertThat(awaitAuditEvents("AuditEvent?agent-name=unauthenticated&outcome=4&_count=100&_sort=-date",
				found -> found.stream().anyMatch(event -> describes(event, probe)))).isNotEmpty();
	}

	@Test
	void everyWriteGetsAProvenanceForTheExactVersion() {
		IGenericClient his = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A));
		String id = weightAmended(his, createPatient(his));

		List<Provenance> provenances = awaitResources(Provenance.class, "Provenance?target=" + id,
				found -> found.size() == 2);
		assertThat(provenances).extracting(provenance -> provenance.getTargetFirstRep().getReference())
				.containsExactlyInAnyOrder(id + "/_history/1", id + "/_history/2");
		assertThat(provenances).extracting(provenance -> provenance.getActivity().getCodingFirstRep().getCode())
				.containsExactlyInAnyOrder("CREATE", "UPDATE");
		assertThat(provenances).allSatisfy(provenance -> assertThat(
				provenance.getAgentFirstRep().getOnBehalfOf().getIdentifier().getValue()).isEqualTo(TestIssuer.HOSPITAL_A));
	}

	@Test
	void aTransactionsRecordsOfOnePatientShareOneProvenanceNamingEachVersion() {
		IGenericClient his = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A));
		String patient = createPatient(his);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < 3; i++) {
			transaction.addEntry().setResource(weight(patient)).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		}
		List<String> written = his.transaction().withBundle(transaction).execute().getEntry().stream()
				.map(entry -> new IdType(entry.getResponse().getLocation()).toUnqualified().getValue())
				.toList();

		List<Provenance> provenances = awaitResources(Provenance.class,
				"Provenance?target=" + new IdType(written.get(1)).toUnqualifiedVersionless().getValue(),
				found -> !found.isEmpty());
		assertThat(provenances).singleElement().satisfies(provenance -> {
			assertThat(provenance.getTarget()).extracting(Reference::getReference)
					.containsExactlyInAnyOrderElementsOf(written);
			assertThat(provenance.getActivity().getCodingFirstRep().getCode()).isEqualTo("CREATE");
			assertThat(provenance.getAgentFirstRep().getOnBehalfOf().getIdentifier().getValue())
					.isEqualTo(TestIssuer.HOSPITAL_A);
		});
	}

	@Test
	void auditEventsCannotBeChangedByAnyone() {
		AuditEvent stored = awaitAuditEvents("AuditEvent?_count=1", found -> !found.isEmpty()).get(0);
		String id = stored.getIdElement().toUnqualifiedVersionless().getValue();
		String body = FHIR.newJsonParser().encodeResourceToString(stored);
		List<HttpRequest.Builder> changes = List.of(
				fhirRequest(id).PUT(HttpRequest.BodyPublishers.ofString(body)),
				fhirRequest(id).DELETE(),
				fhirRequest("AuditEvent").POST(HttpRequest.BodyPublishers.ofString(body)),
				fhirRequest(id + "/$expunge").POST(HttpRequest.BodyPublishers.ofString(
						"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"expungeEverything\",\"valueBoolean\":true}]}")));
		for (HttpRequest.Builder change : changes) {
			HttpResponse<String> response = send(change.header("Content-Type", "application/fhir+json"));
			assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri())
					.isEqualTo(405);
			assertThat(diagnostics(response)).contains("AuditEvents are recorded by the server");
		}
		assertThat(client.read().resource(AuditEvent.class).withId(id).execute().getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void anAuditEventSearchTheServerCannotAnswerIsRefusedWithTheReason() {
		HttpResponse<String> otherSort = send(fhirRequest("AuditEvent?_sort=action").header("Accept-Language", "zh-CN"));
		assertThat(otherSort.statusCode()).isEqualTo(400);
		assertThat(diagnostics(otherSort)).contains("只能按日期排序");
		HttpResponse<String> include = send(fhirRequest("AuditEvent?_include=AuditEvent:agent"));
		assertThat(include.statusCode()).isEqualTo(400);
		assertThat(diagnostics(include)).contains("_include");
	}

	@Test
	void theHashChainShowsAnAuditEventChangedInTheDatabase() throws SQLException {
		AuditEvent victim = awaitAuditEvents("AuditEvent?outcome=0&_count=1",
				found -> !found.isEmpty() && found.get(0).hasExtension(AUDIT_CHAIN)).get(0);
		assertThat(victim.getExtensionByUrl(AUDIT_CHAIN).getExtensionString("hash")).hasSize(64);
		assertIntact(verifyChain());

		String victimId = victim.getIdElement().getIdPart();
		try (Connection database = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
			assertThat(tamper(database, victimId, "\"outcome\":\"0\"", "\"outcome\":\"4\"")).isEqualTo(1);
			try {
				Parameters verdict = verifyChain();
				assertThat(verdict.getParameterBool("intact")).isFalse();
				assertThat(verdict.getParameter("auditEvent").getValue()).isInstanceOfSatisfying(Reference.class,
						reference -> assertThat(reference.getReference()).isEqualTo("AuditEvent/" + victimId));
				assertThat(verdict.getParameter("problem").getValue().primitiveValue()).contains("changed");
			} finally {
				tamper(database, victimId, "\"outcome\":\"4\"", "\"outcome\":\"0\"");
			}
		}
		assertIntact(verifyChain());
	}

	private static void assertIntact(Parameters verdict) {
		assertThat(verdict.getParameterBool("intact")).as(String.valueOf(verdict.getParameterValue("problem"))).isTrue();
	}

	@Test
	void anAuditorReadsAPatientsWholeRecordHistoryAndAccessLog() {
		String patient = createPatient(client);
		String id = weightAmended(client, patient);
		client.delete().resourceById(new IdType(id)).execute();

		Bundle history = auditor.operation().onInstance(patient).named("$record-history")
				.withParameter(Parameters.class, "_count", new IntegerType(3))
				.returnResourceType(Bundle.class).execute();
		assertThat(history.getTotal()).isEqualTo(4);
		assertThat(history.getEntry()).extracting(entry -> entry.getRequest().getMethod().toCode() + " "
				+ entry.getRequest().getUrl() + " " + entry.getResponse().getEtag())
				.containsExactly("POST " + patient + " W/\"1\"", "POST " + id + " W/\"1\"", "PUT " + id + " W/\"2\"");
		Bundle rest = auditor.loadPage().next(history).execute();
		assertThat(rest.getEntry()).singleElement().satisfies(deleted -> {
			assertThat(deleted.getRequest().getMethod().toCode()).isEqualTo("DELETE");
			assertThat(deleted.hasResource()).isFalse();
		});
		HttpResponse<String> notAnAuditor = sendAsIs(SecurityIT.withToken(fhirRequest(patient + "/$record-history"),
				SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A)));
		assertThat(notAnAuditor.statusCode()).isEqualTo(403);

		List<AuditEvent> accesses = awaitAuditEvents("AuditEvent?patient=" + patient + "&_count=100",
				found -> found.size() >= 5);
		assertThat(accesses).extracting(event -> event.getSubtypeFirstRep().getCode())
				.contains("create", "update", "delete", "operation");
		assertThat(awaitAuditEvents("AuditEvent?patient=" + patient + "&action=C", found -> found.size() == 2))
				.allSatisfy(event -> assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.C));
		Bundle firstPage = auditor.search().byUrl("AuditEvent?patient=" + patient + "&date=ge" + Instant.now()
				.minus(Duration.ofHours(1)) + "&_count=2").returnBundle(Bundle.class).execute();
		assertThat(firstPage.getLink(Bundle.LINK_NEXT)).as("the access log is paged").isNotNull();
		// Auditors' own queries about the patient are accesses too: the log only grows.
		assertThat(firstPage.getTotal()).isGreaterThanOrEqualTo(accesses.size());
		Bundle secondPage = auditor.loadPage().next(firstPage).execute();
		assertThat(secondPage.getEntry()).hasSize(2).extracting(entry -> entry.getResource().getIdElement().getIdPart())
				.doesNotContainAnyElementsOf(firstPage.getEntry().stream()
						.map(entry -> entry.getResource().getIdElement().getIdPart()).toList());

		// Who touched the weight: by record, newest first; and the patient's log outlives the patient's deletion.
		List<AuditEvent> weightLog = awaitAuditEvents("AuditEvent?entity=" + id + "&_sort=-date", found -> found.size() >= 3);
		assertThat(weightLog).extracting(event -> event.getSubtypeFirstRep().getCode())
				.contains("create", "update", "delete");
		assertThat(weightLog).extracting(AuditEvent::getRecorded).isSortedAccordingTo(Comparator.reverseOrder());
		client.delete().resourceById(new IdType(patient)).execute();
		assertThat(awaitAuditEvents("AuditEvent?patient=" + patient + "&action=D", found -> found.size() == 2))
				.hasSize(2);
	}

	@Test
	void anAuditorFindsTheEventsOfAnyOfSeveralPatients() {
		String first = createPatient(client);
		String second = createPatient(client);
		List<AuditEvent> created = awaitAuditEvents("AuditEvent?patient=" + first + "," + second + "&action=C",
				found -> found.size() == 2);
		assertThat(created).extracting(event -> event.getEntityFirstRep().getWhat().getReference())
				.containsExactlyInAnyOrder(first, second);
		// Only the auditor's own search above concerns both patients: the search for either was an access to both.
		Bundle both = auditor.search().byUrl("AuditEvent?patient=" + first + "&patient=" + second)
				.cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute();
		assertThat(both.getEntry()).isNotEmpty().allSatisfy(entry -> {
			AuditEvent event = (AuditEvent) entry.getResource();
			assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
			assertThat(event.getEntity()).extracting(entity -> entity.getWhat().getReference()).contains(first, second);
		});
	}

	@Test
	void theAuditTrailDoesNotStopADeleteButAnotherRecordReferringToItStillDoes() {
		String patient = createPatient(client);
		String weight = weightAmended(client, patient);
		assertThat(awaitAuditEvents("AuditEvent?patient=" + patient, found -> found.size() >= 3)).hasSizeGreaterThanOrEqualTo(3);
		awaitResources(Provenance.class, "Provenance?target=" + patient, found -> !found.isEmpty());

		assertThatThrownBy(() -> client.delete().resourceById(new IdType(patient)).execute())
				.isInstanceOf(ResourceVersionConflictException.class)
				.hasMessageContaining(weight.substring(weight.indexOf('/') + 1));
		client.delete().resourceById(new IdType(weight)).execute();
		client.delete().resourceById(new IdType(patient)).execute();
		assertThat(send(fhirRequest(patient)).statusCode()).isEqualTo(410);
	}

	private Parameters verifyChain() {
		return auditor.operation().onType(AuditEvent.class).named("$verify-chain").withNoParameters(Parameters.class)
				.useHttpGet().execute();
	}

	/** Rewrites the stored JSON of an AuditEvent, as someone with database access could. */
	private static int tamper(Connection database, String auditEventId, String from, String to) throws SQLException {
		try (PreparedStatement update = database.prepareStatement(
				"UPDATE hulian_audit_event SET body = replace(body, ?, ?) WHERE id = ?")) {
			update.setString(1, from);
			update.setString(2, to);
			update.setString(3, auditEventId);
			return update.executeUpdate();
		}
	}

	private List<AuditEvent> awaitAuditEvents(String query, Predicate<List<AuditEvent>> done) {
		return awaitResources(AuditEvent.class, query, done);
	}

	/**
	 * Provenances are stored in the background and AuditEvents linked into the chain, within a second or so: polls
	 * until {@code done}, bypassing the server's cache of search results.
	 */
	private <T extends Resource> List<T> awaitResources(Class<T> type, String query, Predicate<List<T>> done) {
		Instant deadline = Instant.now().plus(AUDIT_DELAY);
		while (true) {
			List<T> found = auditor.search().byUrl(query).cacheControl(new CacheControlDirective().setNoCache(true))
					.returnBundle(Bundle.class).execute().getEntry().stream()
					.map(entry -> type.cast(entry.getResource())).toList();
			if (done.test(found) || Instant.now().isAfter(deadline)) {
				return found;
			}
			try {
				Thread.sleep(250);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}

	private static boolean describes(AuditEvent event, String text) {
		return event.getEntity().stream().anyMatch(entity -> entity.getDescription() != null
				&& entity.getDescription().contains(text));
	}

	private static String createPatient(IGenericClient writer) {
		return writer.create().resource(new Patient()).execute().getId().toUnqualifiedVersionless().getValue();
	}

	/** Stores a weight of {@code patient} and amends it (version 2); answers its id. */
	private static String weightAmended(IGenericClient writer, String patient) {
		Observation observation = weight(patient);
		String id = writer.create().resource(observation).execute().getId().toUnqualifiedVersionless().getValue();
		observation.setId(id);
		observation.setStatus(Observation.ObservationStatus.AMENDED);
		writer.update().resource(observation).execute();
		return id;
	}

	private static Observation weight(String patient) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setSubject(new Reference(patient));
		observation.getCode().addCoding(new Coding("http://loinc.org", "29463-7", "Body weight"));
		return observation;
	}
}
