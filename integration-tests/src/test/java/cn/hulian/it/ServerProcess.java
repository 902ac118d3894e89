package cn.hulian.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server jar ({@code hapi-server/target/hulian-server.jar}) run as its own process, the way an operator
 * runs it: {@code java -jar}, configured by environment variables, logging to a file.
 */
public final class ServerProcess {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Path workingDirectory;
	private final Map<String, String> environment;
	private final int port;
	private Process process;

	public ServerProcess(Path workingDirectory, Map<String, String> environment) {
		this.workingDirectory = workingDirectory;
		this.environment = environment;
		this.port = freePort();
	}

	public String baseUrl() {
		return "http://localhost:" + port;
	}

	public String fhirBaseUrl() {
		return baseUrl() + "/fhir";
	}

	/**
	 * Starts the jar and returns once it answers {@code /fhir/metadata}; returns how long that took. The server may
	 * still be installing its FHIR packages then (see {@link #awaitHealthy()}).
	 */
	public Duration start() {
		Instant started = Instant.now();
		try {
			Files.createDirectories(workingDirectory);
			ProcessBuilder builder = new ProcessBuilder(List.of(javaExecutable(), "-jar", serverJar().toString()))
					.directory(workingDirectory.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
			builder.environment().putAll(environment);
			builder.environment().put("SERVER_PORT", Integer.toString(port));
			process = builder.start();
		} catch (IOException e) {
			throw new IllegalStateException("Could not start the server jar", e);
		}
		awaitMetadata(started);
		return Duration.between(started, Instant.now());
	}

	/** Stops the server the way an operator does (SIGTERM), so it shuts down cleanly. */
	public void stop() {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/** Kills the server outright (SIGKILL), as a crash or an OOM killer would: no shutdown hooks run. */
	public void kill() {
		if (process == null || !process.isAlive()) {
			return;
		}
		try {
			process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A token from the server's built-in token endpoint, for one of its demo clients, exactly as the README's
	 * {@code curl} gets one (client-credentials grant, HTTP Basic).
	 */
	public String demoToken(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/oauth/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.timeout(Duration.ofSeconds(30))
				.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher token = ACCESS_TOKEN.matcher(response.body());
			if (response.statusCode() != 200 || !token.find()) {
				throw new IllegalStateException("No token for " + clientId + ": " + response.statusCode() + " " + response.body());
			}
			return token.group(1);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The server's process id, for tools that inspect the JVM (jcmd). */
	public long pid() {
		return process.pid();
	}

	public Path logFile() {
		return workingDirectory.resolve("server.log");
	}

	/** Waits until {@code /actuator/health} is UP: the FHIR packages are installed and the database answers. */
	public void awaitHealthy() {
		awaitOk(baseUrl() + "/actuator/health", Instant.now());
	}

	private void awaitMetadata(Instant started) {
		awaitOk(fhirBaseUrl() + "/metadata", started);
	}

	private void awaitOk(String url, Instant started) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
		while (Duration.between(started, Instant.now()).compareTo(STARTUP_TIMEOUT) < 0) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited with code " + process.exitValue() + "; see " + logFile());
			}
			try {
				if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			} catch (IOException notYetListening) {
				// keep waiting
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(Duration.ofMillis(500));
		}
		stop();
		throw new IllegalStateException("The server did not answer " + url + " within " + STARTUP_TIMEOUT + "; see " + logFile());
	}

	private static Path serverJar() {
		Path jar = Path.of(System.getProperty("hulian.server.jar", "../hapi-server/target/hulian-server.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No server jar at " + jar.toAbsolutePath() + ": run mvn verify from the root");
		}
		return jar.toAbsolutePath();
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
