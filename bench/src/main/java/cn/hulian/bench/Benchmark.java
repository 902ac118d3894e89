package cn.hulian.bench;

import cn.hulian.bench.generate.PatientRecord;
import cn.hulian.bench.generate.SyntheticPatients;
import cn.hulian.bench.load.AccessToken;
import cn.hulian.bench.load.FhirEndpoint;
import cn.hulian.bench.load.Ingest;
import cn.hulian.bench.load.Phase;
import cn.hulian.bench.load.PhaseResult;
import cn.hulian.bench.load.QueryMix;
import cn.hulian.bench.load.StoredPatient;
import cn.hulian.bench.report.ConfigurationResult;
import cn.hulian.bench.report.Report;
import cn.hulian.bench.server.PackagedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark (docs/benchmark.md): generates the synthetic patients, then for each server configuration starts the
 * packaged server, stores the care setting, ingests the patients, runs the search mix and the auditor's mix, stops
 * the server, and finally prints the configurations side by side. Exits 1 when any request failed.
 */
public final class Benchmark {

	private final Options options;
	private final List<PatientRecord> patients;
	private final Report report = new Report(System.out);

	private Benchmark(Options options, List<PatientRecord> patients) {
		this.options = options;
		this.patients = patients;
	}

	public static void main(String[] args) throws IOException {
		Options options;
		try {
			options = Options.parse(args);
		} catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.exit(2);
			return;
		}
		List<PatientRecord> patients = new SyntheticPatients(options.seed()).generate(options.warmupPatients() + options.patients());
		System.out.printf("Hulian benchmark: %d patients (+%d warm-up), %d resources each, seed %d; %d clients; "
						+ "%d requests per query mix after %d warm-up; %d cores, Java %s%n",
				options.patients(), options.warmupPatients(), patients.get(0).size(), options.seed(), options.clients(),
				options.requests(), options.warmup(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		Benchmark benchmark = new Benchmark(options, patients);
		List<ConfigurationResult> results = benchmark.run();
		benchmark.report.summary(results);
		System.exit(results.stream().anyMatch(ConfigurationResult::hasErrors) ? 1 : 0);
	}

	private List<ConfigurationResult> run() throws IOException {
		List<ConfigurationResult> results = new ArrayList<>();
		if (options.server() != null) {
			results.add(measure("server at " + options.server(), options.server()));
			return results;
		}
		for (ServerConfiguration configuration : options.configurations()) {
			results.add(measureStarted(configuration));
		}
		return results;
	}

	private ConfigurationResult measureStarted(ServerConfiguration configuration) throws IOException {
		System.out.printf("%n### %s: starting %s in %s%n", configuration.title, options.serverJar(),
				options.workDirectory().resolve("run-" + configuration.key));
		Instant launched = Instant.now();
		try (PackagedServer server = PackagedServer.start(options.serverJar(),
				options.workDirectory().resolve("run-" + configuration.key), configuration.environment)) {
			System.out.printf("healthy after %d s at %s (log: %s)%n", Duration.between(launched, Instant.now()).toSeconds(),
					server.baseUrl(), server.log());
			ConfigurationResult result = measure(configuration.title, server.baseUrl());
			System.out.printf("%nserver log: %d ERROR lines (%s)%n", server.errorLines(), server.log());
			return result;
		}
	}

	/** All phases against the server at {@code baseUrl}, as the demo clients of its token endpoint. */
	private ConfigurationResult measure(String name, String baseUrl) {
		HttpClient http = FhirEndpoint.newHttpClient();
		URI tokenUrl = URI.create(baseUrl + "/oauth/token");
		// An institution's HIS writes and searches; the auditor reads history and the access log.
		FhirEndpoint hospital = new FhirEndpoint(http, baseUrl + "/fhir",
				new AccessToken(http, tokenUrl, "hospital-his", "hospital-demo-secret"));
		FhirEndpoint auditor = new FhirEndpoint(http, baseUrl + "/fhir",
				new AccessToken(http, tokenUrl, "auditor", "auditor-demo-secret"));
		Ingest.storeCareSetting(hospital);

		Ingest ingest = new Ingest(patients);
		Instant ingestStarted = Instant.now();
		PhaseResult ingested = new Phase("ingest, " + name, options.clients(), hospital)
				.run(options.warmupPatients(), options.patients(), ingest::request);
		Instant ingestEnded = Instant.now();
		report.ingest(ingested, patients.get(0).size());

		List<StoredPatient> stored = ingest.stored();
		PhaseResult searches = new Phase("search mix, " + name, options.clients(), hospital)
				.run(options.warmup(), options.requests(), QueryMix.searches(options.seed(), stored)::request);
		report.queries(searches);
		PhaseResult audits = new Phase("auditor mix, " + name, options.clients(), auditor)
				.run(options.warmup(), options.requests(),
						QueryMix.auditor(options.seed(), stored, ingestStarted, ingestEnded)::request);
		report.queries(audits);
		return new ConfigurationResult(name, ingested, patients.get(0).size(), searches, audits);
	}
}
