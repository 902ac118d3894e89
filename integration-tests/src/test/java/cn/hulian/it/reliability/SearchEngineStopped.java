package cn.hulian.it.reliability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search engine is stopped under writes and started again. Every write must still be acknowledged, promptly;
 * full-text searches get 503 meanwhile; and once the engine is back, full-text search finds every record written,
 * with no one running a re-index.
 */
final class SearchEngineStopped {

	private static final Logger log = LoggerFactory.getLogger(SearchEngineStopped.class);
	private static final int CLIENTS = 2;
	private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
	/** Each client writes at most this often, as a hospital system sending records as they are made. */
	private static final Duration WRITE_INTERVAL = Duration.ofMillis(100);

	private final ReliabilityServer server;
	private final AtomicLong requests = new AtomicLong();
	private final AtomicLong acknowledged = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicLong serverErrors = new AtomicLong();
	private final AtomicLong slowestMillis = new AtomicLong();
	private long foundByFullText;

	SearchEngineStopped(ReliabilityServer server) {
		this.server = server;
	}

	/**
	 * @param fullTextDuringOutage the status a full-text search got while the engine was stopped
	 * @param caughtUp             whether full-text search found every acknowledged write in the end
	 */
	record Result(ScenarioResult row, long failedWrites, long slowestMillis, int fullTextDuringOutage, boolean caughtUp) {}

	Result run(Duration outage) {
		Http http = server.administrator();
		// One word, in every record of this run only: full-text search for it counts them.
		String word = "engineoutage" + Long.toHexString(System.nanoTime());
		AtomicBoolean done = new AtomicBoolean();
		int[] fullTextStatus = new int[1];
		long[] engineBackAt = new long[1];
		Thread director = new Thread(() -> {
			Clients.pause(Duration.ofSeconds(2));
			server.stopSearchEngine();
			log.info("Search engine stopped");
			Clients.pause(Duration.ofSeconds(2));
			fullTextStatus[0] = http.get("/Basic?_content=" + word).status();
			Clients.pause(outage);
			server.startSearchEngine();
			engineBackAt[0] = System.nanoTime();
			log.info("Search engine started again");
			Clients.pause(Duration.ofSeconds(2));
			done.set(true);
		}, "search-engine-outage");
		director.start();
		Clients.run(CLIENTS, client -> {
			Reply reply = http.post("/Basic", Records.basic("记录 " + word));
			requests.incrementAndGet();
			slowestMillis.accumulateAndGet(reply.millis(), Math::max);
			if (reply.isSuccess()) {
				acknowledged.incrementAndGet();
			} else {
				log.error("A write failed while the search engine was away: {}", reply);
				failed.incrementAndGet();
				if (reply.isServerError()) {
					serverErrors.incrementAndGet();
				}
			}
			Clients.pause(WRITE_INTERVAL);
			return !done.get();
		});
		Clients.join(director);
		Duration recovery = awaitCatchUp(http, word, engineBackAt[0]);
		ScenarioResult row = new ScenarioResult("search engine stopped " + outage.toSeconds() + " s", requests.get(),
				acknowledged.get(), acknowledged.get() - foundByFullText, 0, serverErrors.get(), recovery,
				"full-text search meanwhile: " + fullTextStatus[0] + "; slowest write " + slowestMillis.get()
						+ " ms; recovery = engine started until full text finds every write");
		return new Result(row, failed.get(), slowestMillis.get(), fullTextStatus[0], recovery != null);
	}

	/** Waits until full-text search finds every acknowledged write; returns how long after {@code since}, or null. */
	private Duration awaitCatchUp(Http http, String word, long since) {
		long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			Reply found = http.search("/Basic?_content=" + word + "&_summary=count");
			foundByFullText = found.isSuccess() ? found.total() : foundByFullText;
			if (foundByFullText == acknowledged.get()) {
				return Duration.ofNanos(System.nanoTime() - since);
			}
			Clients.pause(Duration.ofSeconds(1));
		}
		log.error("Full-text search did not find all {} records written during the outage", acknowledged.get());
		return null;
	}
}
