package cn.hulian.bench.load;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One request of a phase.
 *
 * @param label    what the report calls it (requests with the same label are counted together)
 * @param send     sends it
 * @param accepted whether an answer is what the request should get (a failed one is counted as an error)
 */
public record Request(String label, Function<FhirEndpoint, Answer> send, Predicate<Answer> accepted) {

	/** A read or search, which must be answered 200. */
	public static Request get(String label, String pathAndQuery) {
		return new Request(label, endpoint -> endpoint.get(pathAndQuery), answer -> answer.status() == 200);
	}
}
