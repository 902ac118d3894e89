package cn.hulian.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The packaged server ({@code hulian-server.jar}) run as its own process in the embedded default, as an operator
 * runs it: in an empty working folder, where it starts its own PostgreSQL ({@code data/postgres}) and keeps its
 * index, on a free port, with its output in {@code server.log} there.
 */
public final class PackagedServer implements AutoCloseable {

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;
	private final Path log;
	private final int port;
	private final Thread stopOnExit;

	private PackagedServer(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
		// Ctrl-C on the benchmark stops the server too (and the server its PostgreSQL).
		this.stopOnExit = new Thread(this::stop, "stop-server");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
	}

	/**
	 * Starts {@code jar} in {@code workDirectory} (emptied first) with {@code environment} on top of this process's,
	 * and returns once {@code /actuator/health} is UP: the database answers and the FHIR packages are installed.
	 */
	public static PackagedServer start(Path jar, Path workDirectory, Map<String, String> environment) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No server jar at " + jar.toAbsolutePath() + ": build it first (mvn package)");
		}
		empty(workDirectory);
		Path log = workDirectory.resolve("server.log");
		int port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toAbsolutePath().toString()))
				.directory(workDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		PackagedServer server = new PackagedServer(builder.start(), log, port);
		server.awaitHealthy();
		return server;
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	public Path log() {
		return log;
	}

	/** How many lines of the log report an error (a fault in the server, not a request it refused). */
	public long errorLines() throws IOException {
		try (Stream<String> lines = Files.lines(log)) {
			return lines.filter(line -> line.contains(" ERROR ")).count();
		}
	}

	/** Stops the server as an operator does (SIGTERM), so that it shuts its PostgreSQL down cleanly. */
	@Override
	public void close() {
		stop();
		Runtime.getRuntime().removeShutdownHook(stopOnExit);
	}

	private void stop() {
		process.destroy();
		try {
			process.onExit().get(60, TimeUnit.SECONDS);
		} catch (TimeoutException | ExecutionException stuck) {
			process.destroyForcibly();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private void awaitHealthy() {
		Instant deadline = Instant.now().plus(STARTUP_LIMIT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited with code " + process.exitValue() + "; see " + log);
			}
			if (isHealthy()) {
				return;
			}
			try {
				Thread.sleep(1000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		close();
		throw new IllegalStateException("The server was not healthy within " + STARTUP_LIMIT + "; see " + log);
	}

	/** {@code /actuator/health} answers 200 when UP, 503 while the FHIR packages are still being installed. */
	private boolean isHealthy() {
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
				.timeout(Duration.ofSeconds(10)).build();
		try {
			return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		} catch (IOException notListeningYet) {
			return false;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void empty(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				paths.sorted(Comparator.reverseOrder()).forEach(path -> {
					try {
						Files.delete(path);
					} catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
			}
		}
		Files.createDirectories(directory);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
