package cn.hulian.server.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the data directory by an earlier server process that was killed outright (kill -9,
 * power loss of the JVM only): it still holds the directory, so it is shut down before the embedded database starts.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {}

	static void stopIfRunning(Path dataDirectory, Duration wait) throws IOException {
		Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
		if (postmaster.isEmpty()) {
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("PostgreSQL (pid {}) from an earlier run still holds {}; shutting it down", process.pid(), dataDirectory);
		// SIGTERM: PostgreSQL's smart shutdown, a clean checkpoint; its clients died with the earlier JVM.
		process.destroy();
		try {
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
		} catch (Exception e) {
			throw new IOException("PostgreSQL pid " + process.pid() + " on " + dataDirectory + " did not stop", e);
		}
	}

	/** The postmaster named in {@code postmaster.pid}, if that process is alive and really is a postgres. */
	private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
				.filter(ProcessHandle::isAlive)
				.filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false));
	}
}
