package cn.hulian.server.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The audit trail's background work, every {@code hulian.audit.write-interval}: links new AuditEvents into the hash
 * chain and stores waiting Provenances. Whatever is left at shutdown or after a crash is done at the next start.
 */
@Component
class AuditWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

	private final AuditChainLinker chainLinker;
	private final ProvenanceOutbox provenances;
	private final AuditProperties properties;
	private ScheduledExecutorService scheduler;
	private volatile boolean stopping;

	AuditWriter(AuditChainLinker chainLinker, ProvenanceOutbox provenances, AuditProperties properties) {
		this.chainLinker = chainLinker;
		this.provenances = provenances;
		this.properties = properties;
	}

	private void writeQuietly() {
		try {
			boolean more = true;
			while (more && !stopping) {
				// Both steps run every round (non-short-circuit |): a backlog of one does not starve the other.
				more = chainLinker.linkBatch() | provenances.storeBatch();
			}
		} catch (RuntimeException e) {
			log.warn("The audit trail could not be brought up to date yet; retrying: {}", e.toString());
		}
	}

	@Override
	public void start() {
		stopping = false;
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "audit-writer"));
		long interval = properties.writeInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::writeQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** Finishes the batch in hand; what is left waits for the next start. */
	@Override
	public void stop() {
		stopping = true;
		scheduler.shutdown();
		try {
			scheduler.awaitTermination(30, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}
}
