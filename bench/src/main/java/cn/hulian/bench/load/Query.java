package cn.hulian.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/** One kind of query of a mix, with its parameters drawn from the stored data. */
interface Query {

	/** What the report calls it. */
	String label();

	/** The query for {@code draw}, relative to the FHIR base. */
	String pathAndQuery(Draw draw);

	/**
	 * What one request's parameters are drawn from.
	 *
	 * @param patient a stored patient
	 * @param random  for further choices, seeded by the request's number
	 * @param since   an instant during ingest, for {@code _since}
	 */
	record Draw(StoredPatient patient, Random random, Instant since) {}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
