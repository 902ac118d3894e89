package cn.hulian.it.reliability;

import cn.hulian.it.ServerProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A PostgreSQL of the suite's own that can be stopped and started again on the same data and port, as an outage or a
 * database restart does to a running server. Durable as in production: fsync and synchronous commit on.
 */
final class RestartablePostgres {

	private final Path dataDirectory;
	private final int port;
	private EmbeddedPostgres postgres;

	RestartablePostgres(Path dataDirectory) {
		this.dataDirectory = dataDirectory;
		this.port = ServerProcess.freePort();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	/** Starts PostgreSQL (creating the cluster on the first start) and returns how long it took. */
	synchronized Duration start() {
		Instant started = Instant.now();
		try {
			postgres = EmbeddedPostgres.builder()
					.setDataDirectory(dataDirectory)
					.setCleanDataDirectory(false)
					.setPort(port)
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setPGStartupWait(Duration.ofSeconds(60))
					.setLocaleConfig("locale", "C")
					.setLocaleConfig("encoding", "UTF8")
					.start();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not start PostgreSQL on " + dataDirectory, e);
		}
		return Duration.between(started, Instant.now());
	}

	/** Stops PostgreSQL (fast shutdown: open connections are cut, as in an outage); the data stays. */
	synchronized void stop() {
		if (postgres == null) {
			return;
		}
		try {
			postgres.close();
		} catch (IOException e) {
			throw new UncheckedIOException("PostgreSQL did not stop", e);
		} finally {
			postgres = null;
		}
	}
}
