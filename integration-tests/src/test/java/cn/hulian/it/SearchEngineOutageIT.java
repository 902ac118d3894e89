package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The shared server while its search engine is down: writes are stored and acknowledged, ordinary searches work,
 * full-text searches get 503, and once the engine is back the records written during the outage are found by
 * full-text search without anyone running a re-index.
 */
class SearchEngineOutageIT extends ServerTestSupport {

	/** Two writes, each waiting at most hulian.search.indexing.max-wait (10 s) for the engine, with room to spare. */
	private static final Duration WRITES_ANSWERED_WITHIN = Duration.ofSeconds(30);
	private static final Duration INDEX_CATCHES_UP_WITHIN = Duration.ofSeconds(90);

	@Test
	void writesDuringAnOutageAreKeptAndIndexedWhenTheEngineIsBack() throws InterruptedException {
		String patient = "Patient/" + client.create().resource(new Patient()).execute().getId().getIdPart();
		List<String> written;
		server.stopSearchEngine();
		try {
			Instant started = Instant.now();
			String alone = create(patient, "夜间心悸，建议动态心电图");
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			transaction.addEntry().setResource(condition(patient, "心悸伴胸闷")).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");
			Bundle answer = client.transaction().withBundle(transaction).execute();
			assertThat(answer.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
			assertThat(Duration.between(started, Instant.now())).isLessThan(WRITES_ANSWERED_WITHIN);
			String inTransaction = answer.getEntryFirstRep().getResponse().getLocation().split("/")[1];
			written = List.of(alone, inTransaction);

			assertThat(idsOf(search("Condition?subject=" + patient))).containsExactlyInAnyOrderElementsOf(written);
			HttpResponse<String> fullText = send(fhirRequest(fullTextQuery(patient)).header("Accept-Language", "zh-CN"));
			assertThat(fullText.statusCode()).isEqualTo(503);
			assertThat(diagnostics(fullText)).contains("全文检索引擎暂时不可用");
		} finally {
			server.startSearchEngine();
		}

		Instant deadline = Instant.now().plus(INDEX_CATCHES_UP_WITHIN);
		List<String> found = List.of();
		while (Instant.now().isBefore(deadline) && found.size() < written.size()) {
			Thread.sleep(1000);
			HttpResponse<String> answer = send(fhirRequest(fullTextQuery(patient)).header("Cache-Control", "no-cache"));
			if (answer.statusCode() == 200) {
				found = idsOf(answer);
			}
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(written);
	}

	private String create(String patient, String text) {
		return client.create().resource(condition(patient, text)).execute().getId().getIdPart();
	}

	private static Condition condition(String patient, String text) {
		Condition condition = new Condition();
		condition.getSubject().setReference(patient);
		condition.getCode().setText(text);
		return condition;
	}

	private static String fullTextQuery(String patient) {
		return "Condition?subject=" + patient + "&_content=" + URLEncoder.encode("心悸", StandardCharsets.UTF_8);
	}

	private HttpResponse<String> search(String query) {
		HttpResponse<String> answer = send(fhirRequest(query));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return answer;
	}

	private static List<String> idsOf(HttpResponse<String> searchAnswer) {
		Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, searchAnswer.body());
		return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}
}
