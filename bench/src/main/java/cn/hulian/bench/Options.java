package cn.hulian.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line: {@code --name value} pairs, each with a default (docs/benchmark.md, "Options"). */
record Options(int patients, int clients, int requests, int warmup, int warmupPatients, long seed,
		List<ServerConfiguration> configurations, Path serverJar, Path workDirectory, String server) {

	static final String USAGE = """
			java -jar bench/target/hulian-bench.jar [options]   (from the repository root, after mvn package)
			  --patients N         patients to generate and ingest, one transaction each (default 400)
			  --clients C          concurrent clients (default 4)
			  --requests R         timed requests of the search mix and of the auditor mix, each (default 2000)
			  --warmup W           untimed requests before each mix (default 200)
			  --warmup-patients P  extra patients ingested untimed before the timed ones (default 20)
			  --seed S             seed of the synthetic data and of the query parameters (default 42)
			  --configs LIST       server configurations to run, in order: on, off (default on,off)
			  --server-jar PATH    the packaged server (default hapi-server/target/hulian-server.jar)
			  --work-dir PATH      where each configuration's server runs, in run-<config>/ (default bench/target)
			  --server URL         measure an already running server instead (e.g. http://localhost:8080),
			                       with the demo clients of its built-in token endpoint""";

	static Options parse(String[] args) {
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException("Options come in pairs (--name value)" + System.lineSeparator() + USAGE);
		}
		Map<String, String> given = new HashMap<>();
		for (int i = 0; i < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Not an option: " + args[i] + System.lineSeparator() + USAGE);
			}
			given.put(args[i].substring(2), args[i + 1]);
		}
		Options options = new Options(
				number(given.remove("patients"), 400), number(given.remove("clients"), 4),
				number(given.remove("requests"), 2000), number(given.remove("warmup"), 200),
				number(given.remove("warmup-patients"), 20), Long.parseLong(orDefault(given.remove("seed"), "42")),
				configurations(orDefault(given.remove("configs"), "on,off")),
				Path.of(orDefault(given.remove("server-jar"), "hapi-server/target/hulian-server.jar")),
				Path.of(orDefault(given.remove("work-dir"), "bench/target")), given.remove("server"));
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("Unknown options " + given.keySet() + System.lineSeparator() + USAGE);
		}
		if (options.patients < 1 || options.clients < 1 || options.requests < 1) {
			throw new IllegalArgumentException("--patients, --clients and --requests must be at least 1");
		}
		return options;
	}

	private static int number(String value, int otherwise) {
		return value == null ? otherwise : Integer.parseInt(value);
	}

	private static String orDefault(String value, String otherwise) {
		return value == null ? otherwise : value;
	}

	private static List<ServerConfiguration> configurations(String names) {
		List<ServerConfiguration> configurations = new ArrayList<>();
		for (String name : names.split(",")) {
			configurations.add(Arrays.stream(ServerConfiguration.values())
					.filter(configuration -> configuration.key.equals(name.trim()))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("Unknown configuration '" + name + "': on or off")));
		}
		return configurations;
	}
}
