package cn.hulian.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability suite: the packaged server as its own process against its own PostgreSQL and search engine, put
 * through crashes, outages, hostile input, concurrent updates and sustained load. Nothing it acknowledged may be lost,
 * nothing may be stored in part, and hostile input never gets a 5xx. Sizes come from system properties
 * ({@code reliability.*}); {@code mvn verify} runs a size that fits CI, {@code -Preliability} a longer one. The
 * figures are printed at the end and written to {@code target/reliability-report.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilitySuiteIT {

	private static final long SEED = Long.getLong("reliability.seed", 20261123L);
	private static final ReliabilityReport report = new ReliabilityReport();
	private static ReliabilityServer server;
	private final Random random = new Random(SEED);

	@BeforeAll
	static void startServer() {
		server = ReliabilityServer.start();
	}

	@AfterAll
	static void printFigures() {
		String table = report.table();
		System.out.println("\nReliability suite (seed " + SEED + ")\n\n" + table);
		report.write(Path.of(System.getProperty("reliability.report", "target/reliability-report.md")));
		server.stop();
	}

	@Test
	@Order(1)
	void acknowledgedTransactionsSurviveAKillAndNoneIsStoredInPart() {
		CrashMidIngest.Result crash = new CrashMidIngest(server, random)
				.run(Integer.getInteger("reliability.crash.rounds", 2), Integer.getInteger("reliability.crash.transactions", 30));
		ScenarioResult result = crash.row();
		report.add(result);

		assertThat(result.acknowledged()).as("transactions acknowledged before the kills").isPositive();
		assertThat(result.lost()).as("acknowledged transactions lost").isZero();
		assertThat(result.partial()).as("transactions stored in part").isZero();
		assertThat(result.serverErrors()).as("5xx answers").isZero();
		assertThat(crash.unindexed()).as("acknowledged patients full-text search does not find").isZero();
	}

	@Test
	@Order(2)
	void aDatabaseOutageGets503AndTheServerRecoversByItself() {
		DatabaseStopped.Result result = new DatabaseStopped(server).run(outage());
		report.add(result.row());

		assertThat(result.unavailable()).as("503 answers while the database was away").isPositive();
		assertThat(result.unexplained()).as("answers neither a success nor a 503 with an OperationOutcome").isZero();
		// The connection pool waits 5 s for a connection (spring.datasource.hikari.connection-timeout).
		assertThat(result.slowestMillis()).as("slowest answer, ms").isLessThan(12_000);
		assertThat(result.row().recovery()).as("time to serve again after the database is back").isNotNull()
				.isLessThan(Duration.ofSeconds(30));
		assertThat(result.row().lost()).as("acknowledged writes lost").isZero();
	}

	@Test
	@Order(3)
	void writesGoOnWhileTheSearchEngineIsDownAndTheIndexCatchesUp() {
		SearchEngineStopped.Result result = new SearchEngineStopped(server).run(outage());
		report.add(result.row());

		assertThat(result.failedWrites()).as("writes that failed").isZero();
		// hulian.search.indexing.max-wait: a write waits at most 10 s for an engine that does not answer.
		assertThat(result.slowestMillis()).as("slowest write, ms").isLessThan(15_000);
		assertThat(result.fullTextDuringOutage()).as("full-text search while the engine was down").isEqualTo(503);
		assertThat(result.caughtUp()).as("full-text search finds every write after the outage").isTrue();
	}

	@Test
	@Order(4)
	void hostileInputIsRefusedWithoutA5xxAndChangesNothing() {
		HostileInput.Result result = new HostileInput(server, SEED).run(Integer.getInteger("reliability.hostile.requests", 3000));
		report.add(result.row());
		result.byCategory().forEach((category, tally) -> System.out.println("  " + category + ": " + tally));

		assertThat(result.violations()).as("requests not answered as required").isEmpty();
		assertThat(result.row().serverErrors()).as("5xx answers").isZero();
		assertThat(result.serverUp()).as("server still answering").isTrue();
		assertThat(result.changedRecords()).as("stored records changed").isZero();
		assertThat(result.keptFromBundles()).as("records of refused transactions stored").isZero();
		assertThat(result.heapGrowthBytes()).as("live heap growth, bytes").isLessThan(128L * 1024 * 1024);
	}

	@Test
	@Order(5)
	void concurrentIfMatchUpdatesAreNeverLostSilently() {
		ConcurrentUpdates.Result result = new ConcurrentUpdates(server, random).run(3, 8,
				Integer.getInteger("reliability.concurrency.updates", 10));
		report.add(result.row());

		assertThat(result.unexpected()).as("answers other than success, 409 or 412").isZero();
		assertThat(result.versionsMismatch()).as("records whose version is not 1 + successful updates").isZero();
		assertThat(result.row().lost()).as("successful updates missing from history").isZero();
		assertThat(result.row().acknowledged()).as("successful updates").isPositive();
	}

	@Test
	@Order(6)
	void sustainedLoadServesEveryRequestWithoutCreepingLatencyOrMemory() {
		SustainedLoad.Result result = new SustainedLoad(server, random).run(
				Duration.ofSeconds(Long.getLong("reliability.sustained.seconds", 60)),
				Long.getLong("reliability.sustained.max-requests", 100_000));
		report.add(result.row());

		assertThat(result.failed()).as("failed requests").isZero();
		assertThat(result.row().lost()).as("acknowledged writes lost").isZero();
		// The first period includes warm-up; the last may not be slower than twice the second, plus scheduling noise.
		long second = result.p95ByPeriod().get(1);
		long last = result.p95ByPeriod().get(result.p95ByPeriod().size() - 1);
		assertThat(last).as("p95 of the last period against the second, ms").isLessThanOrEqualTo(2 * second + 50);
		assertThat(result.heapGrowthBytes()).as("live heap growth, bytes").isLessThan(128L * 1024 * 1024);
	}

	private static Duration outage() {
		return Duration.ofSeconds(Long.getLong("reliability.outage.seconds", 12));
	}
}
