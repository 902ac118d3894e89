package cn.hulian.it.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of hostile requests ({@link HostileRequests}) from a fixed seed against a server holding records: each must
 * get what its {@link HostileRequest.Expectation} says, never a 5xx; the server stays up, its live heap stays
 * bounded, and the records stored before are unchanged.
 */
final class HostileInput {

	private static final Logger log = LoggerFactory.getLogger(HostileInput.class);
	private static final int CLIENTS = 4;
	private static final int STORED_PATIENTS = 10;

	private final ReliabilityServer server;
	private final long seed;
	private final Map<String, Tally> byCategory = new TreeMap<>();
	private final List<String> violations = new ArrayList<>();

	HostileInput(ReliabilityServer server, long seed) {
		this.server = server;
		this.seed = seed;
	}

	/**
	 * @param violations      requests not answered as expected, described
	 * @param changedRecords  records stored before that are different or gone afterwards
	 * @param keptFromBundles records of refused transactions that were stored all the same
	 */
	record Result(ScenarioResult row, Map<String, Tally> byCategory, List<String> violations, long changedRecords,
			long keptFromBundles, long heapGrowthBytes, boolean serverUp) {}

	Result run(int count) {
		Http http = server.administrator();
		Map<String, String> before = new LinkedHashMap<>();
		for (int i = 0; i < STORED_PATIENTS; i++) {
			String id = http.post("/Patient", HostileRequests.PATIENT).id();
			before.put(id, http.get("/Patient/" + id).body());
		}
		HostileRequests requests = new HostileRequests(new Random(seed), List.copyOf(before.keySet()));
		// The first fifth warms the server's caches and code paths; memory is compared from there on.
		send(http, requests, count / 5);
		ServerMemory memory = server.memory();
		long heapBefore = memory.liveHeapBytes();
		send(http, requests, count - count / 5);
		boolean up = http.get("/metadata").status() == 200;
		long heapGrowth = memory.liveHeapBytes() - heapBefore;
		long changed = before.entrySet().stream()
				.filter(stored -> !http.get("/Patient/" + stored.getKey()).body().equals(stored.getValue()))
				.count();
		String hostileTag = URLEncoder.encode(CrashMidIngest.BUNDLE_TAG_SYSTEM + "|hostile", StandardCharsets.UTF_8);
		long kept = http.get("/Basic?_tag=" + hostileTag + "&_summary=count").total();
		long requestsSent = byCategory.values().stream().mapToLong(tally -> tally.requests).sum();
		long acknowledged = byCategory.values().stream().mapToLong(tally -> tally.succeeded).sum();
		long serverErrors = byCategory.values().stream().mapToLong(tally -> tally.serverErrors).sum();
		ScenarioResult row = new ScenarioResult("hostile input (seed " + seed + ")", requestsSent, acknowledged,
				changed, kept, serverErrors, null,
				violations.size() + " not answered as required; " + acknowledged
						+ " harmless reads answered 2xx; live heap " + ServerMemory.megabytes(heapBefore) + " -> "
						+ ServerMemory.megabytes(heapBefore + heapGrowth) + "; server up: " + up);
		return new Result(row, byCategory, List.copyOf(violations), changed, kept, heapGrowth, up);
	}

	private void send(Http http, HostileRequests requests, int count) {
		AtomicInteger sent = new AtomicInteger();
		Clients.run(CLIENTS, client -> {
			if (sent.getAndIncrement() >= count) {
				return false;
			}
			HostileRequest request = requests.next();
			record(request, http.send(request.method(), request.path(), request.headers(), request.body()));
			return true;
		});
	}

	private synchronized void record(HostileRequest request, Reply reply) {
		Tally tally = byCategory.computeIfAbsent(request.category(), category -> new Tally());
		tally.requests++;
		if (reply.isSuccess()) {
			tally.succeeded++;
		} else if (reply.isClientError()) {
			tally.refused++;
		} else if (reply.isServerError()) {
			tally.serverErrors++;
		}
		if (!request.expectation().isMetBy(reply)) {
			tally.violations++;
			violations.add(request + " -> " + reply);
			log.error("Hostile request not answered as required: {} -> {}", request, reply);
		}
	}

	/** Counts for one category of hostile request. */
	static final class Tally {
		long requests;
		long refused;
		long succeeded;
		long serverErrors;
		long violations;

		@Override
		public String toString() {
			return requests + " sent, " + refused + " refused (4xx), " + succeeded + " harmless 2xx, " + serverErrors
					+ " 5xx, " + violations + " not as required";
		}
	}
}
