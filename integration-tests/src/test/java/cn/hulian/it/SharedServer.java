package cn.hulian.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one server the integration tests share, in production mode: an external PostgreSQL (embedded by this harness,
 * reached over JDBC like any other), a real search engine (OpenSearch, its own process) and the packaged jar, started
 * once for the whole test run and stopped when the test JVM exits.
 */
final class SharedServer {

	private static final Logger log = LoggerFactory.getLogger(SharedServer.class);
	/** Zhejiang pilots online first visits in paediatrics (诊疗科目 07), as a jurisdiction may configure. */
	static final String PILOT_OF_ONLINE_FIRST_VISITS = """
			{"hulian": {"policy": {"rules": {"IH-FOLLOWUP-001": {
			  "exemptions": [{"regions": ["330000"], "departments": ["07"]}]}}}}}""";
	static final String ZHEJIANG = "330000";
	private static SharedServer instance;

	private final EmbeddedPostgres postgres;
	private final SearchEngineProcess searchEngine;
	private final ServerProcess server;

	private SharedServer(EmbeddedPostgres postgres, SearchEngineProcess searchEngine, ServerProcess server) {
		this.postgres = postgres;
		this.searchEngine = searchEngine;
		this.server = server;
	}

	static synchronized SharedServer get() {
		if (instance == null) {
			instance = start();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-shared-server"));
		}
		return instance;
	}

	String fhirBaseUrl() {
		return server.fhirBaseUrl();
	}

	String baseUrl() {
		return server.baseUrl();
	}

	/** A token from the server's built-in token endpoint for one of its demo clients. */
	String demoToken(String clientId, String secret) {
		return server.demoToken(clientId, secret);
	}

	/** Stops the server and starts it again on the same database and index, as after a redeploy. */
	synchronized void restart() {
		server.stop();
		Duration took = server.start();
		server.awaitHealthy();
		log.info("Shared server restarted: /fhir/metadata answered after {} s", took.toSeconds());
	}

	/** Stops the search engine under the running server, as in an outage. */
	void stopSearchEngine() {
		searchEngine.stop();
	}

	/** Starts the search engine again on its data, at the same address. */
	void startSearchEngine() {
		log.info("Search engine restarted at {} after {} s", searchEngine.hostAndPort(), searchEngine.start().toSeconds());
	}

	/**
	 * Another server on the same database and search engine, with {@code configuration} (environment variables) on
	 * top: for tests of configuration that the shared server must not change. The caller stops it.
	 */
	ServerProcess startAnother(String name, Map<String, String> configuration) {
		Path work = WorkDirectory.fresh(name);
		Map<String, String> environment = new HashMap<>(environment(postgres, searchEngine, work));
		environment.putAll(configuration);
		ServerProcess other = new ServerProcess(work, environment);
		Duration took = other.start();
		other.awaitHealthy();
		log.info("Server '{}' at {} answered /fhir/metadata {} s after launch", name, other.fhirBaseUrl(), took.toSeconds());
		return other;
	}

	private static SharedServer start() {
		Path work = WorkDirectory.fresh("shared-server");
		EmbeddedPostgres postgres = startPostgres();
		SearchEngineProcess searchEngine = new SearchEngineProcess(WorkDirectory.fresh("shared-search-engine"));
		log.info("Search engine at {} ready after {} s", searchEngine.hostAndPort(), searchEngine.start().toSeconds());
		Map<String, String> environment = new HashMap<>(environment(postgres, searchEngine, work));
		environment.put("SPRING_APPLICATION_JSON", PILOT_OF_ONLINE_FIRST_VISITS);
		// The shared server is Zhejiang's: other regions' servers ask it for records (CrossRegionExchangeIT).
		environment.put("HULIAN_CROSSREGION_REGION", ZHEJIANG);
		ServerProcess server = new ServerProcess(work, environment);
		Duration took = server.start();
		log.info("Shared server at {} answered /fhir/metadata {} s after launch", server.fhirBaseUrl(), took.toSeconds());
		server.awaitHealthy();
		return new SharedServer(postgres, searchEngine, server);
	}

	/**
	 * Production mode: the harness's PostgreSQL over JDBC, the harness's search engine (a server switched to the Lucene
	 * backend keeps its index in its work folder), tokens from the harness's identity provider ({@link TestIssuer})
	 * and, to test it, the built-in token endpoint with its demo clients.
	 */
	private static Map<String, String> environment(EmbeddedPostgres postgres, SearchEngineProcess searchEngine, Path work) {
		Map<String, String> environment = new HashMap<>(Map.of(
				"SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"),
				"SPRING_DATASOURCE_USERNAME", "postgres",
				"SPRING_DATASOURCE_PASSWORD", "",
				"HULIAN_SEARCH_BACKEND", "elasticsearch",
				"HULIAN_SEARCH_ELASTICSEARCH_HOSTS", searchEngine.hostAndPort(),
				"HULIAN_SEARCH_ELASTICSEARCH_VERSION", "opensearch:2.16",
				"HULIAN_SEARCH_LUCENE_DIRECTORY", work.resolve("lucene").toString(),
				"HULIAN_SECURITY_TOKENENDPOINT_ENABLED", "true",
				// Bulk exports move on every 2 s instead of every 15 s, so that an export finishes in seconds.
				"HULIAN_BATCHJOBS_STEPINTERVAL", "2s"));
		// Subscription receivers of the tests listen on loopback; failed notifications are retried every 1-2 s.
		environment.putAll(Map.of(
				"HULIAN_SUBSCRIPTIONS_ALLOWEDHOSTS", "127.0.0.1",
				"HULIAN_SUBSCRIPTIONS_RETRYINTERVAL", "1s",
				"HULIAN_SUBSCRIPTIONS_FIRSTRETRYDELAY", "1s",
				"HULIAN_SUBSCRIPTIONS_MAXRETRYDELAY", "2s"));
		environment.putAll(TestIssuer.get().trustedBy());
		return environment;
	}

	/** The harness's PostgreSQL, for tests that look at the database behind the server's back. */
	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	private static EmbeddedPostgres startPostgres() {
		try {
			Path data = Files.createTempDirectory("hulian-it-postgres");
			return EmbeddedPostgres.builder()
					.setDataDirectory(data)
					.setCleanDataDirectory(true)
					.setPGStartupWait(Duration.ofSeconds(60))
					.setLocaleConfig("locale", "C")
					.setLocaleConfig("encoding", "UTF8")
					.start();
		} catch (IOException e) {
			throw new IllegalStateException("Could not start PostgreSQL for the integration tests", e);
		}
	}

	private void stop() {
		server.stop();
		searchEngine.stop();
		try {
			postgres.close();
		} catch (IOException e) {
			log.warn("PostgreSQL did not stop cleanly", e);
		}
	}
}
