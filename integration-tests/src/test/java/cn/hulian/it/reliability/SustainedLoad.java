package cn.hulian.it.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mixed load of reads, searches and writes for a while, with a bounded number of requests. No request may fail,
 * answer times must not creep up from the start of the run to its end, and the server's live heap must not keep
 * growing.
 */
final class SustainedLoad {

	private static final Logger log = LoggerFactory.getLogger(SustainedLoad.class);
	private static final int CLIENTS = 4;
	/** The run is cut into this many periods of equal length, compared with one another. */
	private static final int PERIODS = 6;

	private final ReliabilityServer server;
	private final Random random;
	private final AtomicLong requests = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicLong serverErrors = new AtomicLong();
	private final ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();

	SustainedLoad(ReliabilityServer server, Random random) {
		this.server = server;
		this.random = random;
	}

	/**
	 * @param p95ByPeriod     the 95th-percentile answer time of each period, in ms
	 * @param heapGrowthBytes live heap at the end minus live heap at the start
	 */
	record Result(ScenarioResult row, long failed, List<Long> p95ByPeriod, long heapGrowthBytes) {}

	Result run(Duration duration, long maxRequests) {
		Http http = server.administrator();
		List<String> known = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			known.add(http.post("/Basic", Records.basic("sustained load " + i)).id());
		}
		ServerMemory memory = server.memory();
		long heapBefore = memory.liveHeapBytes();
		List<Latencies> periods = new ArrayList<>();
		for (int i = 0; i < PERIODS; i++) {
			periods.add(new Latencies());
		}
		Random[] choices = new Random[CLIENTS];
		for (int client = 0; client < CLIENTS; client++) {
			choices[client] = new Random(random.nextLong());
		}
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		Clients.run(CLIENTS, client -> {
			Reply reply = oneRequest(http, choices[client], known);
			long now = System.nanoTime();
			int period = (int) Math.min(PERIODS - 1, (now - start) * PERIODS / duration.toNanos());
			periods.get(period).add(reply.millis());
			return now < end && requests.get() < maxRequests;
		});
		long lost = written.stream().filter(id -> http.get("/Basic/" + id).status() != 200).count();
		long heapGrowth = memory.liveHeapBytes() - heapBefore;
		List<Long> p95 = periods.stream().map(latencies -> latencies.at(95)).toList();
		double seconds = (System.nanoTime() - start) / 1e9;
		ScenarioResult row = new ScenarioResult("sustained mixed load " + duration.toSeconds() + " s", requests.get(),
				written.size(), lost, 0, serverErrors.get(), null,
				Math.round(requests.get() / seconds) + " req/s; p95 by period " + p95 + " ms; live heap "
						+ ServerMemory.megabytes(heapBefore) + " -> " + ServerMemory.megabytes(heapBefore + heapGrowth));
		return new Result(row, failed.get(), p95, heapGrowth);
	}

	/** 40 % reads, 30 % searches, 30 % writes. */
	private Reply oneRequest(Http http, Random choice, List<String> known) {
		int kind = choice.nextInt(10);
		Reply reply;
		if (kind < 4) {
			reply = http.get("/Basic/" + known.get(choice.nextInt(known.size())));
		} else if (kind < 7) {
			reply = http.get(Records.byIdentifier(Integer.toString(choice.nextInt(1000))) + "&_count=10");
		} else {
			reply = http.post("/Basic", Records.basic("sustained load"));
			if (reply.isSuccess()) {
				written.add(reply.id());
			}
		}
		requests.incrementAndGet();
		if (!reply.isSuccess()) {
			log.error("A request failed under sustained load: {}", reply);
			failed.incrementAndGet();
			if (reply.isServerError()) {
				serverErrors.incrementAndGet();
			}
		}
		return reply;
	}
}
