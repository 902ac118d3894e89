package cn.hulian.it.reliability;

import java.util.ArrayList;
import java.util.List;

/** Answer times in milliseconds, for percentiles. Thread-safe. */
final class Latencies {

	private final List<Long> millis = new ArrayList<>();

	synchronized void add(long answerMillis) {
		millis.add(answerMillis);
	}

	synchronized int count() {
		return millis.size();
	}

	/** The time under which {@code percentile} % of the answers came (nearest rank); 0 when there were none. */
	synchronized long at(double percentile) {
		if (millis.isEmpty()) {
			return 0;
		}
		List<Long> sorted = new ArrayList<>(millis);
		sorted.sort(null);
		int rank = (int) Math.ceil(percentile / 100 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}
}
