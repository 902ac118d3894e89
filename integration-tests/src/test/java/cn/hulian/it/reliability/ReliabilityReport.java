package cn.hulian.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The suite's figures as a table: printed at the end and written to {@code target/reliability-report.md}. */
final class ReliabilityReport {

	private static final String HEADER =
			"| scenario | requests | acknowledged | lost | partial | 5xx | recovery | notes |\n|---|---:|---:|---:|---:|---:|---:|---|\n";

	private final List<ScenarioResult> rows = new ArrayList<>();

	synchronized void add(ScenarioResult result) {
		rows.add(result);
	}

	synchronized String table() {
		StringBuilder table = new StringBuilder(HEADER);
		for (ScenarioResult row : rows) {
			table.append("| ").append(row.scenario())
					.append(" | ").append(row.requests())
					.append(" | ").append(row.acknowledged())
					.append(" | ").append(row.lost())
					.append(" | ").append(row.partial())
					.append(" | ").append(row.serverErrors())
					.append(" | ").append(row.recovery() == null ? "-" : row.recovery().toMillis() / 100 / 10.0 + " s")
					.append(" | ").append(row.notes())
					.append(" |\n");
		}
		return table.toString();
	}

	void write(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, table(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
