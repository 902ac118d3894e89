package cn.hulian.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many clients update the same few records at once, each reading the record and updating it with {@code If-Match} on
 * the version it read. Each update must either succeed or be refused with 409/412; each record's last version must
 * be one more than its successful updates; and every successful update must be in the record's history.
 */
final class ConcurrentUpdates {

	private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdates.class);

	private final ReliabilityServer server;
	private final Random random;
	private final AtomicLong attempts = new AtomicLong();
	private final AtomicLong conflicts = new AtomicLong();
	private final AtomicLong unexpected = new AtomicLong();
	private final AtomicLong serverErrors = new AtomicLong();
	/** Per record: the texts its successful updates wrote. */
	private final Map<String, Set<String>> succeeded = new ConcurrentHashMap<>();

	ConcurrentUpdates(ReliabilityServer server, Random random) {
		this.server = server;
		this.random = random;
	}

	/**
	 * @param unexpected       answers other than success, 409 or 412
	 * @param versionsMismatch records whose last version is not 1 + their successful updates
	 */
	record Result(ScenarioResult row, long unexpected, long versionsMismatch) {}

	Result run(int records, int clients, int updatesPerClient) {
		Http http = server.administrator();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < records; i++) {
			String id = http.post("/Basic", Records.basic("version 1")).id();
			ids.add(id);
			succeeded.put(id, ConcurrentHashMap.newKeySet());
		}
		Random[] choices = new Random[clients];
		int[] updates = new int[clients];
		for (int client = 0; client < clients; client++) {
			choices[client] = new Random(random.nextLong());
		}
		Clients.run(clients, client -> {
			String id = ids.get(choices[client].nextInt(ids.size()));
			update(http, id, "client " + client + " update " + updates[client]);
			return ++updates[client] < updatesPerClient;
		});
		long lost = 0;
		long versionsMismatch = 0;
		for (String id : ids) {
			int version = http.get("/Basic/" + id).versionId();
			int successes = succeeded.get(id).size();
			if (version != successes + 1) {
				log.error("Basic/{} is at version {} after {} successful updates", id, version, successes);
				versionsMismatch++;
			}
			String history = http.get("/Basic/" + id + "/_history?_count=1000").body();
			lost += succeeded.get(id).stream().filter(text -> !history.contains("\"" + text + "\"")).count();
		}
		long acknowledged = succeeded.values().stream().mapToLong(Set::size).sum();
		ScenarioResult row = new ScenarioResult(
				"If-Match updates (" + clients + " clients, " + records + " records)", attempts.get(), acknowledged,
				lost, 0, serverErrors.get(), null,
				conflicts.get() + " refused with 409/412; versions = 1 + successes: " + (versionsMismatch == 0));
		return new Result(row, unexpected.get(), versionsMismatch);
	}

	private void update(Http http, String id, String text) {
		Reply current = http.get("/Basic/" + id);
		if (!current.isSuccess()) {
			throw new IllegalStateException("Could not read Basic/" + id + ": " + current);
		}
		Reply updated = http.put("/Basic/" + id, Records.basic(id, text),
				Map.of("If-Match", "W/\"" + current.versionId() + "\""));
		attempts.incrementAndGet();
		if (updated.isSuccess()) {
			succeeded.get(id).add(text);
		} else if (updated.status() == 409 || updated.status() == 412) {
			conflicts.incrementAndGet();
		} else {
			log.error("Unexpected answer to an update of Basic/{}: {}", id, updated);
			unexpected.incrementAndGet();
			if (updated.isServerError()) {
				serverErrors.incrementAndGet();
			}
		}
	}
}
