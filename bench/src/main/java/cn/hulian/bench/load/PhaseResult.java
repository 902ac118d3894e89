package cn.hulian.bench.load;

import java.util.Map;
import java.util.Optional;

/**
 * What one phase measured.
 *
 * @param name         e.g. "search mix"
 * @param nanos        wall time of the measured requests (warm-up excluded)
 * @param byLabel      the requests' figures by label, in the order the labels first came up
 * @param warmupErrors how many warm-up requests were not accepted
 * @param firstFailure the first answer that was not accepted, warm-up included, if any
 */
public record PhaseResult(String name, long nanos, Map<String, LatencyStats> byLabel, long warmupErrors,
		Optional<Answer> firstFailure) {

	public double seconds() {
		return nanos / 1e9;
	}

	/** All requests of the phase together. */
	public LatencyStats total() {
		LatencyStats total = new LatencyStats();
		byLabel.values().forEach(total::add);
		return total;
	}

	public double perSecond(long count) {
		return count / seconds();
	}

	public boolean hasErrors() {
		return warmupErrors > 0 || total().errors() > 0;
	}
}
