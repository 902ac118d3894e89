package cn.hulian.it.reliability;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL is stopped under reads and writes, and started again. Meanwhile every answer must be a 503 with an
 * OperationOutcome, within the connection pool's time-out; afterwards the server must serve again by itself, and every
 * write it acknowledged must be there.
 */
final class DatabaseStopped {

	private static final Logger log = LoggerFactory.getLogger(DatabaseStopped.class);
	private static final int CLIENTS = 4;

	private final ReliabilityServer server;
	private final AtomicLong requests = new AtomicLong();
	private final AtomicLong unavailable = new AtomicLong();
	private final AtomicLong unexplained = new AtomicLong();
	private final AtomicLong serverErrors = new AtomicLong();
	private final AtomicLong slowestMillis = new AtomicLong();
	private final AtomicLong firstSuccessAfterRestart = new AtomicLong();
	private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
	private volatile long databaseBackAt;

	DatabaseStopped(ReliabilityServer server) {
		this.server = server;
	}

	Result run(Duration outage) {
		Http http = server.administrator();
		String known = http.post("/Basic", Records.basic("read during the database outage")).id();
		AtomicBoolean done = new AtomicBoolean();
		Thread director = new Thread(() -> {
			Clients.pause(Duration.ofSeconds(3));
			server.stopDatabase();
			log.info("PostgreSQL stopped");
			Clients.pause(outage);
			server.startDatabase();
			databaseBackAt = System.nanoTime();
			log.info("PostgreSQL started again");
			for (int i = 0; i < 600 && firstSuccessAfterRestart.get() == 0; i++) {
				Clients.pause(Duration.ofMillis(100));
			}
			Clients.pause(Duration.ofSeconds(3));
			done.set(true);
		}, "database-outage");
		director.start();
		Clients.run(CLIENTS, client -> {
			Reply reply = client % 2 == 0
					? http.post("/Basic", Records.basic("written during the database outage"))
					: http.get(client % 4 == 1 ? "/Basic/" + known : Records.byIdentifier("none"));
			count(reply, client % 2 == 0);
			return !done.get();
		});
		Clients.join(director);
		long lost = acknowledged.stream().filter(id -> http.get("/Basic/" + id).status() != 200).count();
		Duration recovery = firstSuccessAfterRestart.get() == 0 ? null
				: Duration.ofNanos(firstSuccessAfterRestart.get() - databaseBackAt);
		ScenarioResult row = new ScenarioResult("database stopped " + outage.toSeconds() + " s", requests.get(),
				acknowledged.size(), lost, 0, serverErrors.get(), recovery,
				unavailable.get() + " answered 503 with an OperationOutcome, slowest answer " + slowestMillis.get()
						+ " ms; recovery = database started until first success");
		return new Result(row, unavailable.get(), unexplained.get(), slowestMillis.get());
	}

	private void count(Reply reply, boolean write) {
		requests.incrementAndGet();
		slowestMillis.accumulateAndGet(reply.millis(), Math::max);
		if (reply.isSuccess()) {
			if (databaseBackAt != 0) {
				firstSuccessAfterRestart.compareAndSet(0, System.nanoTime());
			}
			if (write) {
				acknowledged.add(reply.id());
			}
		} else if (reply.status() == 503 && reply.isOperationOutcome()) {
			unavailable.incrementAndGet();
		} else {
			log.error("Unexpected answer while the database was away: {}", reply);
			unexplained.incrementAndGet();
			if (reply.isServerError()) {
				serverErrors.incrementAndGet();
			}
		}
	}

	/**
	 * @param unavailable answers that were 503 with an OperationOutcome
	 * @param unexplained answers that were neither a success nor such a 503 (no answer, 500, a 4xx)
	 */
	record Result(ScenarioResult row, long unavailable, long unexplained, long slowestMillis) {}
}
