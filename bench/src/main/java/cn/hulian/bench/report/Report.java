package cn.hulian.bench.report;

import cn.hulian.bench.load.Answer;
import cn.hulian.bench.load.LatencyStats;
import cn.hulian.bench.load.PhaseResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Prints each phase's figures as a table, and the configurations side by side against the targets. */
public final class Report {

	/** Stock HAPI FHIR 8.8.0 JPA starter, same machine size and load (docs/benchmark.md); Hulian aims at 2x and 1.5x. */
	private static final double STOCK_INGEST = 298;
	private static final double STOCK_SEARCH = 212;
	private static final double STOCK_HISTORY = 276;
	private static final int FAILURE_EXCERPT = 2000;

	private final PrintStream out;

	public Report(PrintStream out) {
		this.out = out;
	}

	public void ingest(PhaseResult ingest, int resourcesPerTransaction) {
		LatencyStats total = ingest.total();
		Table table = new Table("phase", "transactions", "resources/s", "bundles/s", "p50 ms", "p95 ms", "max ms", "errors")
				.row(ingest.name(), total.requests(), decimal(storedPerSecond(ingest, resourcesPerTransaction)),
						decimal(ingest.perSecond(total.accepted())), decimal(total.millisAt(50)),
						decimal(total.millisAt(95)), decimal(total.maxMillis()), total.errors() + ingest.warmupErrors());
		print(ingest, table);
	}

	public void queries(PhaseResult phase) {
		Table table = new Table("query", "requests", "req/s", "p50 ms", "p95 ms", "max ms", "entries", "errors");
		for (Map.Entry<String, LatencyStats> query : phase.byLabel().entrySet()) {
			row(table, query.getKey(), phase, query.getValue());
		}
		row(table, "mix total", phase, phase.total());
		print(phase, table);
	}

	/** The headline figures of each configuration, side by side, with Hulian's targets. */
	public void summary(List<ConfigurationResult> results) {
		String[] header = new String[results.size() + 2];
		header[0] = "figure";
		for (int i = 0; i < results.size(); i++) {
			header[i + 1] = results.get(i).name();
		}
		header[header.length - 1] = "target";
		Table table = new Table(header);
		table.row(cells("ingest resources/s", results,
				result -> decimal(storedPerSecond(result.ingest(), result.resourcesPerTransaction())), ">= " + decimal(2 * STOCK_INGEST)));
		table.row(cells("ingest bundle p50 / p95 ms", results, result -> percentiles(result.ingest()), ""));
		table.row(cells("search mix req/s", results, result -> throughput(result.searches()), ">= " + decimal(1.5 * STOCK_SEARCH)));
		table.row(cells("search mix p50 / p95 ms", results, result -> percentiles(result.searches()), "p95 < 50"));
		table.row(cells("auditor mix req/s", results, result -> throughput(result.auditor()), ">= " + decimal(1.5 * STOCK_HISTORY)));
		table.row(cells("auditor mix p50 / p95 ms", results, result -> percentiles(result.auditor()), "p95 < 50"));
		table.row(cells("errors", results, result -> String.valueOf(errors(result)), "0"));
		out.println();
		out.println("== summary");
		out.print(table);
	}

	private void print(PhaseResult phase, Table table) {
		out.println();
		out.printf(Locale.ROOT, "== %s (%.1f s)%n", phase.name(), phase.seconds());
		out.print(table);
		phase.firstFailure().ifPresent(this::failure);
	}

	private void failure(Answer answer) {
		String body = answer.body().length() > FAILURE_EXCERPT ? answer.body().substring(0, FAILURE_EXCERPT) + " ..." : answer.body();
		out.println("first failure: HTTP " + answer.status() + System.lineSeparator() + body);
	}

	private static void row(Table table, String label, PhaseResult phase, LatencyStats stats) {
		table.row(label, stats.requests(), decimal(phase.perSecond(stats.requests())), decimal(stats.millisAt(50)),
				decimal(stats.millisAt(95)), decimal(stats.maxMillis()), decimal(stats.entriesPerAnswer()), stats.errors());
	}

	private static Object[] cells(String figure, List<ConfigurationResult> results,
			Function<ConfigurationResult, String> value, String target) {
		Object[] cells = new Object[results.size() + 2];
		cells[0] = figure;
		for (int i = 0; i < results.size(); i++) {
			cells[i + 1] = value.apply(results.get(i));
		}
		cells[cells.length - 1] = target;
		return cells;
	}

	/** Resources of the accepted transactions (a refused one stores nothing) per second. */
	private static double storedPerSecond(PhaseResult ingest, int resourcesPerTransaction) {
		return ingest.perSecond(ingest.total().accepted() * resourcesPerTransaction);
	}

	private static String throughput(PhaseResult phase) {
		return decimal(phase.perSecond(phase.total().requests()));
	}

	private static String percentiles(PhaseResult phase) {
		LatencyStats total = phase.total();
		return decimal(total.millisAt(50)) + " / " + decimal(total.millisAt(95));
	}

	private static long errors(ConfigurationResult result) {
		return List.of(result.ingest(), result.searches(), result.auditor()).stream()
				.mapToLong(phase -> phase.total().errors() + phase.warmupErrors())
				.sum();
	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}
}
