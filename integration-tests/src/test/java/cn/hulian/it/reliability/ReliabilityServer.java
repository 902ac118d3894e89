package cn.hulian.it.reliability;

import cn.hulian.it.SearchEngineProcess;
import cn.hulian.it.ServerProcess;
import cn.hulian.it.WorkDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The suite's one server, run as an operator runs it: the packaged jar in its own process with a bounded heap, its own
 * PostgreSQL and search engine, each of which the scenarios stop, kill and start again. Validation, the regulation
 * rules and the audit trail are on, as in production.
 */
final class ReliabilityServer {

	private static final Logger log = LoggerFactory.getLogger(ReliabilityServer.class);
	/** Small enough that unbounded growth would show (and fail) within the suite, large enough for its load. */
	static final String MAX_HEAP = "1g";

	private final RestartablePostgres postgres;
	private final SearchEngineProcess searchEngine;
	private final ServerProcess server;

	private ReliabilityServer(RestartablePostgres postgres, SearchEngineProcess searchEngine, ServerProcess server) {
		this.postgres = postgres;
		this.searchEngine = searchEngine;
		this.server = server;
	}

	static ReliabilityServer start() {
		RestartablePostgres postgres = new RestartablePostgres(WorkDirectory.fresh("reliability-postgres"));
		log.info("PostgreSQL ready after {} ms", postgres.start().toMillis());
		SearchEngineProcess searchEngine = new SearchEngineProcess(WorkDirectory.fresh("reliability-search-engine"));
		log.info("Search engine ready after {} s", searchEngine.start().toSeconds());
		Path work = WorkDirectory.fresh("reliability-server");
		ServerProcess server = new ServerProcess(work, Map.of(
				"JAVA_TOOL_OPTIONS", "-Xmx" + MAX_HEAP,
				"SPRING_DATASOURCE_URL", postgres.jdbcUrl(),
				"SPRING_DATASOURCE_USERNAME", "postgres",
				"SPRING_DATASOURCE_PASSWORD", "",
				"HULIAN_SEARCH_BACKEND", "elasticsearch",
				"HULIAN_SEARCH_ELASTICSEARCH_HOSTS", searchEngine.hostAndPort(),
				"HULIAN_SEARCH_ELASTICSEARCH_VERSION", "opensearch:2.16",
				"HULIAN_SECURITY_TOKENENDPOINT_ENABLED", "true"));
		ReliabilityServer started = new ReliabilityServer(postgres, searchEngine, server);
		started.startServer();
		return started;
	}

	/** A client with the administrator's token (reads everything, checks what is stored). */
	Http administrator() {
		return new Http(server.fhirBaseUrl(), () -> server.demoToken("admin", "admin-demo-secret"));
	}

	/** A client with a hospital HIS's token (writes the hospital's records). */
	Http hospital() {
		return new Http(server.fhirBaseUrl(), () -> server.demoToken("hospital-his", "hospital-demo-secret"));
	}

	/** Starts the server on the data it has and returns once it is healthy; returns how long that took. */
	Duration startServer() {
		long started = System.nanoTime();
		server.start();
		server.awaitHealthy();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		log.info("Server at {} healthy {} s after launch", server.fhirBaseUrl(), took.toSeconds());
		return took;
	}

	/** SIGKILL, as a crash or the OOM killer: no shutdown hook runs, nothing is flushed. */
	void killServer() {
		server.kill();
	}

	void stopDatabase() {
		postgres.stop();
	}

	void startDatabase() {
		postgres.start();
	}

	void stopSearchEngine() {
		searchEngine.stop();
	}

	void startSearchEngine() {
		searchEngine.start();
	}

	ServerMemory memory() {
		return new ServerMemory(server.pid(), server.baseUrl());
	}

	void stop() {
		server.stop();
		searchEngine.stop();
		postgres.stop();
	}
}
