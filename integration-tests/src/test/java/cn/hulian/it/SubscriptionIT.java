package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * REST-hook subscriptions as a regional platform uses them: it subscribes to new prescriptions of a patient
 * population, a hospital writes records, and the platform's receiver (a real HTTP server in this test, on loopback,
 * which the shared server allows through {@code hulian.subscriptions.allowed-hosts}) gets one empty POST per matching
 * record, naming it in {@code X-Hulian-Resource}, with the platform's own header. A receiver that is down gets every
 * notification once it is back.
 */
class SubscriptionIT extends ServerTestSupport {

	private static final TestIssuer ISSUER = TestIssuer.get();
	/** Records are matched a few seconds after they are written (HAPI submits them every 5 s). */
	private static final Duration DELIVERY = Duration.ofSeconds(60);

	private static final String OWNER = "http://hulian.cn/fhir/CodeSystem/subscription-owner";

	private final String platformClient = unique("platform");
	private final String platformToken = ISSUER.token(Map.of("hulian_role", "regional-platform",
			"scope", "system/*.rs system/Subscription.cud", "client_id", platformClient));
	private final IGenericClient platform = newClient(server.fhirBaseUrl(), platformToken);
	private final IGenericClient hospital = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A));
	private final String receiverSecret = unique("receiver-secret");
	private final Receiver receiver = new Receiver();

	@AfterEach
	void stopReceiver() {
		receiver.stop();
	}

	@Test
	void aPlatformIsNotifiedOfMatchingRecordsOnlyWithItsOwnHeader() {
		String patient = newPatient();
		String otherPatient = newPatient();
		String subscription = subscribe("MedicationRequest?subject=" + patient);

		// The records that do not match go first, so they have been matched by the time the matching ones arrive.
		hospital.create().resource(prescriptionFor(otherPatient)).execute();
		hospital.create().resource(new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setCode(new CodeableConcept().setText("体重")).setSubject(new Reference(patient))).execute();
		MedicationRequest first = prescriptionFor(patient);
		first.setId(hospital.create().resource(first).execute().getId().toUnqualifiedVersionless());
		String second = hospital.create().resource(prescriptionFor(patient)).execute().getId().toUnqualified().getValue();
		first.setStatus(MedicationRequest.MedicationRequestStatus.CANCELLED);
		String firstUpdated = hospital.update().resource(first).execute().getId().toUnqualified().getValue();
		String firstCreated = first.getIdElement().withVersion("1").getValue();

		Set<String> expected = Set.of(firstCreated, second, firstUpdated);
		await(() -> receiver.delivered().containsAll(expected));
		assertThat(receiver.delivered()).isEqualTo(expected);
		assertThat(receiver.calls()).allSatisfy(call -> {
			assertThat(call.authorization()).isEqualTo("Bearer " + receiverSecret);
			assertThat(call.subscription()).isEqualTo(subscription);
			assertThat(call.bodyLength()).isZero();
		});
		assertThat(receiver.calls()).filteredOn(call -> call.resource().equals(firstUpdated))
				.extracting(Call::event).containsOnly("update");
		assertThat(receiver.calls()).filteredOn(call -> call.resource().equals(second))
				.extracting(Call::event).containsOnly("create");

		// Creating a subscription is audited like any write.
		await(() -> !client.search().byUrl("AuditEvent?entity=" + subscription + "&action=C")
				.cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute()
				.getEntry().isEmpty());
		AuditEvent created = (AuditEvent) client.search().byUrl("AuditEvent?entity=" + subscription + "&action=C")
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		assertThat(created.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
	}

	@Test
	void aReceiverThatIsDownGetsEveryNotificationOnceItIsBack() {
		String patient = newPatient();
		subscribe("MedicationRequest?subject=" + patient);

		receiver.answer(503);
		String whileFailing = createPrescription(patient);
		await(() -> receiver.refused().contains(whileFailing));
		String queued = createPrescription(patient);

		receiver.stop(); // no answer at all now
		String whileStopped = createPrescription(patient);
		receiver.answer(200);
		receiver.start();

		Set<String> expected = Set.of(whileFailing, queued, whileStopped);
		await(() -> receiver.delivered().containsAll(expected));
		assertThat(receiver.delivered()).isEqualTo(expected);
	}

	@Test
	void onlyRegionalPlatformsAndAdministratorsManageSubscriptions() {
		Subscription subscription = restHook("MedicationRequest?subject=" + newPatient(), receiver.url());
		String body = FHIR.newJsonParser().encodeResourceToString(subscription);
		String clinician = ISSUER.token(Map.of("hulian_role", "clinician", "hulian_institution", TestIssuer.HOSPITAL_A,
				"scope", "user/*.cruds"));
		String patientToken = ISSUER.token(Map.of("hulian_role", "patient", "patient", "p-" + unique("x"),
				"scope", "patient/*.cruds"));
		String readOnlyPlatform = ISSUER.token(Map.of("hulian_role", "regional-platform", "scope", "system/*.rs"));
		for (String refused : List.of(clinician, patientToken, SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A),
				readOnlyPlatform)) {
			assertThat(post(body, refused, "en").statusCode()).isEqualTo(403);
		}
		HttpResponse<String> created = post(body, platformToken, "en");
		assertThat(created.statusCode()).isEqualTo(201);
		String id = FHIR.newJsonParser().parseResource(created.body()).getIdElement().toUnqualifiedVersionless().getValue();
		// A subscription's headers may hold the platform's credentials: nobody else reads it, auditors included.
		String auditor = ISSUER.token(Map.of("hulian_role", "auditor", "scope", "system/*.rs"));
		assertThat(sendAsIs(fhirRequest(id).header("Authorization", "Bearer " + clinician).build()).statusCode())
				.isEqualTo(403);
		assertThat(sendAsIs(fhirRequest(id).header("Authorization", "Bearer " + auditor).build()).statusCode())
				.isEqualTo(403);
		assertThat(sendAsIs(fhirRequest(id).header("Authorization", "Bearer " + platformToken).build()).statusCode())
				.isEqualTo(200);
		assertThat(sendAsIs(fhirRequest(id).header("Authorization", "Bearer " + platformToken).DELETE().build())
				.statusCode()).isEqualTo(200);
	}

	@Test
	void aPlatformSeesAndManagesOnlyItsOwnSubscriptions() {
		String otherPlatformClient = unique("platform-b");
		String otherPlatform = ISSUER.token(Map.of("hulian_role", "regional-platform",
				"scope", "system/*.rs system/Subscription.cud", "client_id", otherPlatformClient));
		Subscription mine = restHook("MedicationRequest?subject=" + newPatient(), receiver.url());
		HttpResponse<String> created = post(FHIR.newJsonParser().encodeResourceToString(mine), platformToken, "en");
		assertThat(created.statusCode()).isEqualTo(201);
		String id = FHIR.newJsonParser().parseResource(created.body()).getIdElement().toUnqualifiedVersionless().getValue();

		// The other platform cannot tell it exists: not by reading it, searching or asking its history...
		HttpResponse<String> read = sendAsIs(fhirRequest(id).header("Authorization", "Bearer " + otherPlatform)
				.header("Accept-Language", "zh-CN").build());
		assertThat(read.statusCode()).isEqualTo(404);
		assertThat(diagnostics(read)).contains("本平台的订阅中没有 " + id);
		for (String search : List.of("Subscription?_id=" + id.substring(id.indexOf('/') + 1), "Subscription?_count=1000",
				"Subscription/_history?_count=1000", id + "/_history")) {
			assertThat(entryIds(search, otherPlatform)).as(search).doesNotContain(id);
		}
		// ... nor change or delete it.
		Subscription changed = mine.copy();
		changed.setId(id);
		changed.getChannel().getHeader().clear();
		changed.getChannel().addHeader("Authorization: Bearer stolen");
		HttpResponse<String> update = sendAsIs(fhirRequest(id).header("Authorization", "Bearer " + otherPlatform)
				.header("Content-Type", "application/fhir+json")
				.PUT(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(changed))).build());
		assertThat(update.statusCode()).isEqualTo(403);
		assertThat(diagnostics(update)).contains(id + " belongs to another platform");
		assertThat(sendAsIs(fhirRequest(id).header("Authorization", "Bearer " + otherPlatform).DELETE().build())
				.statusCode()).isEqualTo(403);

		// A platform cannot pass its Subscription off as another's either: the server sets the owner.
		Subscription forged = restHook("MedicationRequest?subject=" + newPatient(), receiver.url());
		forged.getMeta().addTag(OWNER, platformClient + "@" + TestIssuer.ISSUER, null);
		HttpResponse<String> forgedCreated = post(FHIR.newJsonParser().encodeResourceToString(forged), otherPlatform, "en");
		assertThat(forgedCreated.statusCode()).isEqualTo(201);
		String forgedId = FHIR.newJsonParser().parseResource(forgedCreated.body()).getIdElement()
				.toUnqualifiedVersionless().getValue();
		assertThat(entryIds("Subscription?_count=1000", platformToken)).contains(id).doesNotContain(forgedId);
		assertThat(entryIds("Subscription?_count=1000", otherPlatform)).contains(forgedId).doesNotContain(id);

		// The owner still reads and changes its own, and administrators see every platform's.
		Subscription stored = platform.read().resource(Subscription.class).withUrl(id).execute();
		assertThat(stored.getMeta().getTag(OWNER, platformClient + "@" + TestIssuer.ISSUER)).isNotNull();
		stored.setReason("新处方，更新 (new prescriptions, updated)");
		assertThat(platform.update().resource(stored).execute().getId().getVersionIdPart()).isNotEqualTo("1");
		assertThat(entryIds("Subscription?_count=1000", ISSUER.admin())).contains(id, forgedId);
	}

	private Set<String> entryIds(String query, String token) {
		HttpResponse<String> response = sendAsIs(fhirRequest(query).header("Authorization", "Bearer " + token).build());
		assertThat(response.statusCode()).as(query).isEqualTo(200);
		return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
				.filter(entry -> entry.hasResource())
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue())
				.collect(Collectors.toSet());
	}

	@Test
	void channelsOtherThanRestHookPayloadsAndUnsafeEndpointsAreRefused() {
		String criteria = "MedicationRequest?subject=" + newPatient();
		Subscription websocket = restHook(criteria, receiver.url());
		websocket.getChannel().setType(Subscription.SubscriptionChannelType.WEBSOCKET);
		assertRefused(websocket, "en", "rest-hook only");
		assertRefused(websocket, "zh-CN", "只支持 rest-hook");

		Subscription withPayload = restHook(criteria, receiver.url());
		withPayload.getChannel().setPayload("application/fhir+json");
		assertRefused(withPayload, "en", "no payload");

		// Plain http only to hosts the operator allowed (here 127.0.0.1, not localhost); https only to public addresses.
		assertRefused(restHook(criteria, "http://localhost:" + receiver.port() + "/hook"), "en", "must use https");
		assertRefused(restHook(criteria, "http://hie.example.org/hook"), "en", "must use https");
		assertRefused(restHook(criteria, "https://169.254.169.254/latest/meta-data"), "en", "private or link-local");
		assertRefused(restHook(criteria, "https://10.1.2.3/hook"), "en", "private or link-local");
		assertRefused(restHook(criteria, "https://user:secret@hie.example.org/hook"), "en", "without user name");
		assertRefused(restHook(criteria, "hook"), "en", "absolute https URL");

		Subscription badHeader = restHook(criteria, receiver.url());
		badHeader.getChannel().getHeader().clear();
		badHeader.getChannel().addHeader("X-Hulian-Resource: Patient/forged");
		assertRefused(badHeader, "en", "Subscription.channel.header");
	}

	private void assertRefused(Subscription subscription, String language, String reason) {
		HttpResponse<String> response = post(FHIR.newJsonParser().encodeResourceToString(subscription), platformToken,
				language);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(diagnostics(response)).contains(reason);
	}

	private HttpResponse<String> post(String subscription, String token, String language) {
		return sendAsIs(fhirRequest("Subscription")
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/fhir+json")
				.header("Accept-Language", language)
				.POST(HttpRequest.BodyPublishers.ofString(subscription))
				.build());
	}

	/** Subscribes the platform's receiver to {@code criteria}; answers the Subscription's id once it is active. */
	private String subscribe(String criteria) {
		String id = platform.create().resource(restHook(criteria, receiver.url())).execute().getId()
				.toUnqualifiedVersionless().getValue();
		await(() -> platform.read().resource(Subscription.class).withUrl(id).execute().getStatus()
				== Subscription.SubscriptionStatus.ACTIVE);
		return id;
	}

	private Subscription restHook(String criteria, String endpoint) {
		Subscription subscription = new Subscription().setStatus(Subscription.SubscriptionStatus.REQUESTED)
				.setReason("新处方 (new prescriptions)").setCriteria(criteria);
		subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(endpoint)
				.addHeader("Authorization: Bearer " + receiverSecret);
		return subscription;
	}

	private String newPatient() {
		return hospital.create().resource(new Patient().setActive(true)).execute().getId().toUnqualifiedVersionless()
				.getValue();
	}

	private String createPrescription(String patient) {
		return hospital.create().resource(prescriptionFor(patient)).execute().getId().toUnqualified().getValue();
	}

	/** A prescription outside online care (no online encounter), so no online-care profile or rule applies. */
	private static MedicationRequest prescriptionFor(String patient) {
		MedicationRequest prescription = new MedicationRequest()
				.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
				.setIntent(MedicationRequest.MedicationRequestIntent.ORDER)
				.setSubject(new Reference(patient))
				.setRequester(new Reference("Practitioner/" + unique("doctor")));
		prescription.setMedication(new CodeableConcept().setText("氨氯地平片 5mg"));
		return prescription;
	}

	private static void await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(DELIVERY);
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited %s", DELIVERY).isBefore(deadline);
			try {
				Thread.sleep(200);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/** One POST the receiver got, with the status it answered. */
	record Call(int status, String subscription, String resource, String event, String authorization, int bodyLength) {}

	/** The platform's receiver: records every notification and answers with the status set (200 by default). */
	private static final class Receiver {

		private final List<Call> calls = new CopyOnWriteArrayList<>();
		private volatile int status = 200;
		private int port;
		private HttpServer http;

		Receiver() {
			start();
		}

		synchronized void start() {
			try {
				http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
			port = http.getAddress().getPort();
			http.createContext("/hook", exchange -> {
				int answer = status;
				try (InputStream body = exchange.getRequestBody()) {
					calls.add(new Call(answer, exchange.getRequestHeaders().getFirst("X-Hulian-Subscription"),
							exchange.getRequestHeaders().getFirst("X-Hulian-Resource"),
							exchange.getRequestHeaders().getFirst("X-Hulian-Event"),
							exchange.getRequestHeaders().getFirst("Authorization"), body.readAllBytes().length));
				}
				exchange.sendResponseHeaders(answer, -1);
				exchange.close();
			});
			http.start();
		}

		synchronized void stop() {
			http.stop(0);
		}

		void answer(int status) {
			this.status = status;
		}

		int port() {
			return port;
		}

		String url() {
			return "http://127.0.0.1:" + port + "/hook";
		}

		List<Call> calls() {
			return List.copyOf(calls);
		}

		/** The records whose notification the receiver took (2xx). */
		Set<String> delivered() {
			return calls.stream().filter(call -> call.status() / 100 == 2).map(Call::resource).collect(Collectors.toSet());
		}

		/** The records whose notification the receiver refused. */
		Set<String> refused() {
			return calls.stream().filter(call -> call.status() / 100 != 2).map(Call::resource).collect(Collectors.toSet());
		}
	}
}
