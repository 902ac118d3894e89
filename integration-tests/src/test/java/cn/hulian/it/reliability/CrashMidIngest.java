package cn.hulian.it.reliability;

import ca.uhn.fhir.context.FhirContext;
import cn.hulian.bench.generate.CareSetting;
import cn.hulian.bench.generate.PatientRecord;
import cn.hulian.bench.generate.SyntheticPatients;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hospital systems send patients' records as transactions, four at a time, and the server is killed (SIGKILL) at a
 * random moment, then started again. Every transaction it acknowledged must be there whole; every other one must be
 * there whole or not at all. Each transaction's records carry a tag naming it, so what is stored can be counted.
 */
final class CrashMidIngest {

	static final String BUNDLE_TAG_SYSTEM = "http://hulian.cn/fhir/reliability/transaction";
	private static final Logger log = LoggerFactory.getLogger(CrashMidIngest.class);
	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final int CLIENTS = 4;
	/** Records a crashed server may not have indexed are found 30 s after it stopped beating, then indexed. */
	private static final Duration FULL_TEXT_WAIT = Duration.ofMinutes(2);

	private final ReliabilityServer server;
	private final Random random;

	CrashMidIngest(ReliabilityServer server, Random random) {
		this.server = server;
		this.random = random;
	}

	/** {@code rounds} crashes, each with up to {@code transactionsPerRound} transactions under way when it comes. */
	Result run(int rounds, int transactionsPerRound) {
		Http hospital = server.hospital();
		Reply careSetting = hospital.post("", FHIR.newJsonParser().encodeResourceToString(CareSetting.transaction()));
		if (!careSetting.isSuccess()) {
			throw new IllegalStateException("The care setting was refused: " + careSetting);
		}
		List<PatientRecord> patients = new SyntheticPatients(random.nextLong()).generate(rounds * transactionsPerRound);
		List<Sent> sent = new ArrayList<>();
		Duration slowestRecovery = Duration.ZERO;
		for (int round = 0; round < rounds; round++) {
			List<PatientRecord> batch = patients.subList(round * transactionsPerRound, (round + 1) * transactionsPerRound);
			sent.addAll(sendUntilKilled(hospital, batch, round));
			Duration recovery = server.startServer();
			slowestRecovery = recovery.compareTo(slowestRecovery) > 0 ? recovery : slowestRecovery;
		}
		Http administrator = server.administrator();
		long lost = 0;
		long partial = 0;
		for (Sent transaction : sent) {
			Presence presence = presenceOf(administrator, transaction);
			if (transaction.reply.isSuccess() && presence != Presence.WHOLE) {
				log.error("Acknowledged transaction {} is {} after the crash", transaction.tag, presence);
				lost++;
			} else if (presence == Presence.PARTIAL) {
				log.error("Unacknowledged transaction {} is partly stored", transaction.tag);
				partial++;
			}
		}
		long acknowledged = sent.stream().filter(transaction -> transaction.reply.isSuccess()).count();
		List<String> acknowledgedPatients = sent.stream().filter(transaction -> transaction.reply.isSuccess())
				.map(Sent::residentId).toList();
		long unindexed = awaitFullText(administrator, acknowledgedPatients);
		long serverErrors = sent.stream().filter(transaction -> transaction.reply.isServerError()).count();
		long unanswered = sent.stream().filter(transaction -> transaction.reply.status() == 0).count();
		return new Result(new ScenarioResult("crash mid-ingest (SIGKILL x" + rounds + ")", sent.size(), acknowledged,
				lost, partial, serverErrors, slowestRecovery, unanswered + " cut off by the kill; " + unindexed
						+ " acknowledged patients not found by full-text search; recovery = restart until healthy (slowest)"),
				unindexed);
	}

	/**
	 * @param unindexed acknowledged patients that full-text search did not find (their resident ID number), though
	 *                  stored: what a crash between commit and indexing would leave behind without recovery
	 */
	record Result(ScenarioResult row, long unindexed) {}

	/** Waits until full-text search finds each patient; returns how many it still does not find after the wait. */
	private static long awaitFullText(Http administrator, List<String> residentIds) {
		long deadline = System.nanoTime() + FULL_TEXT_WAIT.toNanos();
		List<String> missing = residentIds;
		while (true) {
			missing = missing.stream()
					.filter(id -> !administrator.search("/Patient?_content=" + id + "&_summary=count").isSuccessWithMatches())
					.toList();
			if (missing.isEmpty() || System.nanoTime() > deadline) {
				if (!missing.isEmpty()) {
					log.error("Full-text search does not find acknowledged patients {}", missing);
				}
				return missing.size();
			}
			Clients.pause(Duration.ofSeconds(2));
		}
	}

	/** Sends {@code batch} with {@link #CLIENTS} clients and kills the server 1-6 s after the first answer. */
	private List<Sent> sendUntilKilled(Http hospital, List<PatientRecord> batch, int round) {
		ConcurrentLinkedQueue<Integer> waiting = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < batch.size(); i++) {
			waiting.add(i);
		}
		ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
		AtomicBoolean killed = new AtomicBoolean();
		AtomicInteger answered = new AtomicInteger();
		long killAfterMillis = 1000 + random.nextInt(5000);
		Thread killer = new Thread(() -> {
			// Once transactions are being acknowledged (the first ones after a start are slow), at a random moment.
			for (int i = 0; i < 1200 && answered.get() == 0; i++) {
				Clients.pause(Duration.ofMillis(100));
			}
			Clients.pause(Duration.ofMillis(killAfterMillis));
			killed.set(true);
			server.killServer();
		}, "killer");
		killer.start();
		Clients.run(CLIENTS, client -> {
			Integer next = killed.get() ? null : waiting.poll();
			if (next == null) {
				return false;
			}
			String tag = "r" + round + "-t" + next;
			Bundle transaction = tagged(batch.get(next).transaction(), tag);
			Reply reply = hospital.post("", FHIR.newJsonParser().encodeResourceToString(transaction));
			sent.add(new Sent(tag, batch.get(next).residentId(), typeCounts(transaction), reply));
			if (reply.status() != 0) {
				answered.incrementAndGet();
			}
			return true;
		});
		Clients.join(killer);
		log.info("Round {}: killed {} ms after the first answer; {} transactions sent, {} answered", round,
				killAfterMillis, sent.size(), answered.get());
		return new ArrayList<>(sent);
	}

	private static Bundle tagged(Bundle transaction, String tag) {
		Bundle copy = transaction.copy();
		copy.getEntry().forEach(entry -> entry.getResource().getMeta().addTag(BUNDLE_TAG_SYSTEM, tag, null));
		return copy;
	}

	private static Map<String, Long> typeCounts(Bundle transaction) {
		return transaction.getEntry().stream().collect(Collectors.groupingBy(
				entry -> entry.getResource().fhirType(), TreeMap::new, Collectors.counting()));
	}

	/** Counts the transaction's records by type, through the same search any client would use. */
	private static Presence presenceOf(Http administrator, Sent transaction) {
		String tag = URLEncoder.encode(BUNDLE_TAG_SYSTEM + "|" + transaction.tag, StandardCharsets.UTF_8);
		Function<String, Long> stored = type -> {
			Reply count = administrator.get("/" + type + "?_tag=" + tag + "&_summary=count");
			if (!count.isSuccess()) {
				throw new IllegalStateException("Could not count " + type + " of " + transaction.tag + ": " + count);
			}
			return (long) count.total();
		};
		boolean whole = true;
		boolean none = true;
		for (Map.Entry<String, Long> expected : transaction.typeCounts.entrySet()) {
			long found = stored.apply(expected.getKey());
			whole &= found == expected.getValue();
			none &= found == 0;
		}
		return whole ? Presence.WHOLE : none ? Presence.ABSENT : Presence.PARTIAL;
	}

	private enum Presence { WHOLE, ABSENT, PARTIAL }

	private record Sent(String tag, String residentId, Map<String, Long> typeCounts, Reply reply) {}
}
