package cn.hulian.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latencies and outcomes of the requests with one label. Thread-safe. */
public final class LatencyStats {

	/** Microseconds, up to 10 minutes, 3 significant digits. */
	private final Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
	private long errors;
	private long entries;

	synchronized void record(Answer answer, boolean accepted) {
		micros.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(answer.nanos()), micros.getHighestTrackableValue()));
		if (accepted) {
			entries += answer.entries();
		} else {
			errors++;
		}
	}

	public synchronized long requests() {
		return micros.getTotalCount();
	}

	public synchronized long errors() {
		return errors;
	}

	/** Requests whose answer was accepted. */
	public synchronized long accepted() {
		return micros.getTotalCount() - errors;
	}

	/** Bundle entries per accepted answer, on average: how much a search found. */
	public synchronized double entriesPerAnswer() {
		long accepted = accepted();
		return accepted == 0 ? 0 : (double) entries / accepted;
	}

	/** The latency in milliseconds under which {@code percentile} % of the requests were answered. */
	public synchronized double millisAt(double percentile) {
		return micros.getValueAtPercentile(percentile) / 1000.0;
	}

	public synchronized double maxMillis() {
		return micros.getMaxValue() / 1000.0;
	}

	synchronized void add(LatencyStats other) {
		synchronized (other) {
			micros.add(other.micros);
			errors += other.errors;
			entries += other.entries;
		}
	}
}
