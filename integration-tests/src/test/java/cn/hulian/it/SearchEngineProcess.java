package cn.hulian.it;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * OpenSearch run as its own process, from the distribution the build unpacks and completes in
 * {@code target/opensearch} (see this module's pom.xml): one node on a free port of 127.0.0.1 that keeps its
 * configuration, data and logs in a work folder, so it can be stopped and started again on the same index.
 * OpenSearch refuses to run as root: when the tests do (as in CI), it runs as {@code nobody}.
 */
public final class SearchEngineProcess {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
	private static final int LOG_TAIL_LINES = 40;
	private static final String HOST = "127.0.0.1";
	private static final boolean RUNS_AS_ROOT = "root".equals(System.getProperty("user.name"));
	private static final String UNPRIVILEGED_USER = "nobody";
	private static final String UNPRIVILEGED_GROUP = "nogroup";
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path home;
	private final Path workDirectory;
	private final int port;
	private Process process;

	/** An engine that keeps everything in {@code workDirectory}; {@link #start()} starts it. */
	public SearchEngineProcess(Path workDirectory) {
		this.home = distribution();
		this.workDirectory = workDirectory;
		this.port = ServerProcess.freePort();
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-opensearch"));
	}

	/** Where the server reaches the engine ({@code hulian.search.elasticsearch.hosts}); the same across restarts. */
	public String hostAndPort() {
		return HOST + ":" + port;
	}

	/** Starts the engine (on the data of an earlier start, if any) and returns once its cluster is yellow or green. */
	public synchronized Duration start() {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException("OpenSearch is already running at " + hostAndPort());
		}
		Instant started = Instant.now();
		try {
			prepareWorkDirectory();
			ProcessBuilder builder = new ProcessBuilder(command())
					.directory(workDirectory.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
			builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
			builder.environment().put("OPENSEARCH_PATH_CONF", workDirectory.resolve("config").toString());
			builder.environment().put("OPENSEARCH_TMPDIR", workDirectory.resolve("tmp").toString());
			process = builder.start();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start OpenSearch from " + home, e);
		}
		awaitHealthy(started);
		return Duration.between(started, Instant.now());
	}

	/** Stops the engine and its child processes: SIGTERM, so it shuts down cleanly, and SIGKILL after 30 s. */
	public synchronized void stop() {
		if (process == null || !process.isAlive()) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process.toHandle());
		tree.forEach(ProcessHandle::destroy);
		try {
			if (!process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				tree.forEach(ProcessHandle::destroyForcibly);
				process.waitFor(10, TimeUnit.SECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			tree.forEach(ProcessHandle::destroyForcibly);
		}
	}

	/**
	 * A single node bound to 127.0.0.1 (so OpenSearch skips its production bootstrap checks), with no disk watermark:
	 * a nearly full disk must not turn the test indices read-only.
	 */
	private List<String> command() {
		List<String> command = new ArrayList<>();
		if (RUNS_AS_ROOT) {
			command.addAll(List.of(
					"setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=" + UNPRIVILEGED_GROUP, "--clear-groups"));
		}
		command.addAll(List.of(
				home.resolve("bin/opensearch").toString(),
				"-Ecluster.name=hulian-it",
				"-Ediscovery.type=single-node",
				"-Enetwork.host=" + HOST,
				"-Ehttp.port=" + port,
				"-Epath.data=" + workDirectory.resolve("data"),
				"-Epath.logs=" + workDirectory.resolve("logs"),
				"-Ecluster.routing.allocation.disk.threshold_enabled=false"));
		return command;
	}

	/**
	 * The engine's own configuration folder (OpenSearch writes its keystore there: the distribution stays read-only)
	 * with the distribution's logging set-up, and the folders it writes to, all handed to {@code nobody} when running
	 * as root.
	 */
	private void prepareWorkDirectory() throws IOException {
		Path config = Files.createDirectories(workDirectory.resolve("config"));
		Files.copy(home.resolve("config/log4j2.properties"), config.resolve("log4j2.properties"), REPLACE_EXISTING);
		Files.write(config.resolve("jvm.options"), jvmOptions());
		Files.createDirectories(workDirectory.resolve("data"));
		Files.createDirectories(workDirectory.resolve("logs"));
		Files.createDirectories(workDirectory.resolve("tmp"));
		if (RUNS_AS_ROOT) {
			handToUnprivilegedUser(workDirectory);
		}
	}

	/**
	 * What the distribution's jvm.options sets that matters here (heap, collector, security manager) without its GC
	 * log and heap dump, which it writes relative to the read-only distribution folder. 512 MB is plenty for the tests.
	 */
	private List<String> jvmOptions() {
		return List.of(
				"-Xms512m",
				"-Xmx512m",
				"-XX:+UseG1GC",
				"-Djava.io.tmpdir=${OPENSEARCH_TMPDIR}",
				"-XX:ErrorFile=" + workDirectory.resolve("logs/hs_err_pid%p.log"),
				"18-:-Djava.security.manager=allow",
				"-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
						+ "org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory");
	}

	private static void handToUnprivilegedUser(Path directory) throws IOException {
		UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.toList()) {
				PosixFileAttributeView attributes =
						Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
				attributes.setOwner(users.lookupPrincipalByName(UNPRIVILEGED_USER));
				attributes.setGroup(users.lookupPrincipalByGroupName(UNPRIVILEGED_GROUP));
			}
		}
	}

	private void awaitHealthy(Instant started) {
		HttpRequest health = HttpRequest.newBuilder(
						URI.create("http://" + hostAndPort() + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
				.timeout(Duration.ofSeconds(10))
				.build();
		while (Duration.between(started, Instant.now()).compareTo(STARTUP_TIMEOUT) < 0) {
			if (!process.isAlive()) {
				throw new IllegalStateException("OpenSearch exited with code " + process.exitValue()
						+ (RUNS_AS_ROOT ? " (it runs as nobody, who must be able to read " + home + ")" : "") + logTail());
			}
			try {
				if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			} catch (IOException notYetListening) {
				// keep waiting
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			ServerProcess.sleep(Duration.ofMillis(500));
		}
		stop();
		throw new IllegalStateException("OpenSearch was not healthy within " + STARTUP_TIMEOUT + logTail());
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(consoleLog(), StandardCharsets.UTF_8);
			return "; the last lines of " + consoleLog() + ":\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
		} catch (IOException e) {
			return "; no log at " + consoleLog();
		}
	}

	private Path consoleLog() {
		return workDirectory.resolve("console.log");
	}

	private static Path distribution() {
		Path home = Path.of(System.getProperty("hulian.opensearch.home", "target/opensearch/opensearch-2.16.0"));
		if (!Files.isExecutable(home.resolve("bin/opensearch"))) {
			throw new IllegalStateException(
					"No OpenSearch at " + home.toAbsolutePath() + ": run mvn verify, which unpacks it before the tests");
		}
		return home.toAbsolutePath();
	}
}
