package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenSearch the build provisions starts, has what HAPI's analyzers and Hibernate Search's purge use, and keeps
 * its index across a stop and a start.
 */
class SearchEngineProcessIT {

	private static final Logger log = LoggerFactory.getLogger(SearchEngineProcessIT.class);
	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");
	private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static SearchEngineProcess engine;

	@BeforeAll
	static void startEngine() {
		engine = new SearchEngineProcess(WorkDirectory.fresh("search-engine"));
		log.info("OpenSearch at {} was yellow {} ms after launch", engine.hostAndPort(), engine.start().toMillis());
	}

	@AfterAll
	static void stopEngine() {
		engine.stop();
	}

	@Test
	void clusterIsHealthy() {
		assertThat(send("GET", "/_cluster/health", null).body()).containsPattern("\"status\"\\s*:\\s*\"(green|yellow)\"");
	}

	/** The server's full-text analyzer and HAPI's use filters of the analysis-common module, e.g. for Chinese text. */
	@Test
	void chineseTextIsCutIntoBigrams() {
		HttpResponse<String> analyzed = send("POST", "/_analyze", """
				{"tokenizer": "standard",
				 "filter": ["cjk_width", "lowercase", "asciifolding", "cjk_bigram"],
				 "text": "高血压"}""");

		assertThat(analyzed.statusCode()).isEqualTo(200);
		assertThat(tokens(analyzed.body())).containsExactly("高血", "血压");
	}

	/** Hibernate Search purges an index with delete-by-query (the reindex module); the rest survives a restart. */
	@Test
	void deleteByQueryWorksAndTheIndexSurvivesARestart() {
		send("PUT", "/records/_doc/1?refresh=true", "{\"kind\": \"Patient\"}");
		send("PUT", "/records/_doc/2?refresh=true", "{\"kind\": \"Observation\"}");

		HttpResponse<String> deleted = send("POST", "/records/_delete_by_query?refresh=true", """
				{"query": {"term": {"kind.keyword": "Observation"}}}""");
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(deleted.body()).containsPattern("\"deleted\"\\s*:\\s*1");

		engine.stop();
		log.info("OpenSearch restarted on its data in {} ms", engine.start().toMillis());

		assertThat(count("/records/_count")).isEqualTo(1);
	}

	private static List<String> tokens(String analyzed) {
		return TOKEN.matcher(analyzed).results().map(token -> token.group(1)).toList();
	}

	private static long count(String path) {
		Matcher count = COUNT.matcher(send("GET", path, null).body());
		assertThat(count.find()).as("a count in the answer").isTrue();
		return Long.parseLong(count.group(1));
	}

	private static HttpResponse<String> send(String method, String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + engine.hostAndPort() + path))
				.method(method, json == null
						? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new IllegalStateException(method + " " + path + " failed", e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
