package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last: nothing the suite did made a server log an error. Errors a client caused are 4xx answers, not server
 * errors; an ERROR line means a fault in the server (a failing background job, a missing class). The reliability
 * suite's server is left out: it is killed and loses its database on purpose, and logs that as errors.
 */
@Order(Integer.MAX_VALUE)
class ServerLogIT {

	@Test
	void noServerLoggedAnError() throws IOException {
		Path work = Path.of(System.getProperty("hulian.work.dir", "target/it-work"));
		try (Stream<Path> logs = Files.find(work, 2, (path, attributes) -> path.endsWith("server.log")
				&& !path.getParent().getFileName().toString().startsWith("reliability-"))) {
			List<Path> serverLogs = logs.toList();
			assertThat(serverLogs).isNotEmpty();
			for (Path log : serverLogs) {
				try (Stream<String> lines = Files.lines(log)) {
					assertThat(lines.filter(line -> line.contains(" ERROR ")).toList()).as(log.toString()).isEmpty();
				}
			}
		}
	}
}
