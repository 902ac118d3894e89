package cn.hulian.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Sends a phase's requests from a number of concurrent clients, each sending its next request as soon as it has the
 * answer to the previous one (a closed loop, as a hospital system's worker threads do). Requests 0 to
 * {@code warmup - 1} warm the server up and are not counted; the next {@code count} are timed.
 */
public final class Phase {

	private static final int LABELS_IN_ORDER = 100;

	private final String name;
	private final int clients;
	private final FhirEndpoint endpoint;

	public Phase(String name, int clients, FhirEndpoint endpoint) {
		this.name = name;
		this.clients = clients;
		this.endpoint = endpoint;
	}

	/** {@code requestAt}: the request with a given number, the same each time it is asked; called from any client thread. */
	public PhaseResult run(int warmup, int count, IntFunction<Request> requestAt) {
		AtomicReference<Answer> firstFailure = new AtomicReference<>();
		LatencyStats warmupStats = new LatencyStats();
		send(0, warmup, requestAt, label -> warmupStats, firstFailure);
		Map<String, LatencyStats> byLabel = Collections.synchronizedMap(new LinkedHashMap<>());
		// The report lists the labels in the order of the requests, not in the order their first answers came.
		for (int number = 0; number < Math.min(warmup + count, LABELS_IN_ORDER); number++) {
			byLabel.computeIfAbsent(requestAt.apply(number).label(), label -> new LatencyStats());
		}
		long start = System.nanoTime();
		send(warmup, warmup + count, requestAt, label -> byLabel.computeIfAbsent(label, any -> new LatencyStats()),
				firstFailure);
		long nanos = System.nanoTime() - start;
		return new PhaseResult(name, nanos, new LinkedHashMap<>(byLabel), warmupStats.errors(),
				Optional.ofNullable(firstFailure.get()));
	}

	/** Sends requests {@code from} to {@code to - 1}, recording each in the stats {@code statsOf} its label. */
	private void send(int from, int to, IntFunction<Request> requestAt, Function<String, LatencyStats> statsOf,
			AtomicReference<Answer> firstFailure) {
		AtomicInteger next = new AtomicInteger(from);
		List<Thread> threads = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			Thread thread = new Thread(() -> {
				for (int number = next.getAndIncrement(); number < to; number = next.getAndIncrement()) {
					Request request = requestAt.apply(number);
					Answer answer = request.send().apply(endpoint);
					boolean accepted = request.accepted().test(answer);
					if (!accepted) {
						firstFailure.compareAndSet(null, answer);
					}
					statsOf.apply(request.label()).record(answer, accepted);
				}
			}, name + "-client-" + client);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
