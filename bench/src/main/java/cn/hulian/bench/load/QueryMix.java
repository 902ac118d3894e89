package cn.hulian.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * A mix of queries, taken in turn, each with parameters drawn from the stored patients by a random seeded with the
 * benchmark's seed and the request's number: the same seed asks the same questions, whichever client sends them.
 */
public final class QueryMix {

	private final long seed;
	private final List<? extends Query> queries;
	private final List<StoredPatient> patients;
	private final Instant from;
	private final Duration span;

	private QueryMix(long seed, List<? extends Query> queries, List<StoredPatient> patients, Instant from, Instant to) {
		if (patients.isEmpty()) {
			throw new IllegalStateException("No patient was stored: nothing to query");
		}
		this.seed = seed;
		this.queries = queries;
		this.patients = patients;
		this.from = from;
		this.span = Duration.between(from, to);
	}

	/** The search mix: observations, encounters, prescriptions, patients, conditions and $everything. */
	public static QueryMix searches(long seed, List<StoredPatient> patients) {
		return new QueryMix(seed, List.of(SearchQuery.values()), patients, Instant.EPOCH, Instant.EPOCH);
	}

	/** The auditor's mix: history since an instant between {@code from} and {@code to} (ingest), and audit events. */
	public static QueryMix auditor(long seed, List<StoredPatient> patients, Instant from, Instant to) {
		return new QueryMix(seed, List.of(AuditorQuery.values()), patients, from, to);
	}

	public Request request(int number) {
		Random random = new Random(seed * 7_919L + number);
		Query query = queries.get(number % queries.size());
		StoredPatient patient = patients.get(random.nextInt(patients.size()));
		Instant since = from.plusMillis((long) (random.nextDouble() * span.toMillis())).truncatedTo(ChronoUnit.MILLIS);
		return Request.get(query.label(), query.pathAndQuery(new Query.Draw(patient, random, since)));
	}
}
