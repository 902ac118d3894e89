package cn.hulian.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what {@link AuditOutbox} holds as FHIR resources, in the background, in batches: each batch in one database
 * transaction that stores the resources, links the AuditEvents into the hash chain and removes them from the outbox.
 * A PostgreSQL advisory lock keeps the chain in one order when several servers share the database. Whatever is left
 * at shutdown or after a crash is stored at the next start. Batches are kept small: HAPI's session checks every
 * entity it holds at each flush, so a batch's cost grows with the square of its size.
 */
@Component
class AuditWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
	/** Advisory lock key of the audit chain ("HULIANAU"). */
	static final long CHAIN_LOCK = 0x48554c49414e4155L;
	private static final String UNSTORABLE = "unstorable:";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final DaoRegistry daoRegistry;
	private final FhirContext fhirContext;
	private final AuditChain chain;
	private final AuditProperties properties;
	private ScheduledExecutorService scheduler;
	private volatile boolean stopping;

	AuditWriter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DaoRegistry daoRegistry,
			FhirContext fhirContext, AuditChain chain, AuditProperties properties, AuditSchema schemaFirst) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.daoRegistry = daoRegistry;
		this.fhirContext = fhirContext;
		this.chain = chain;
		this.properties = properties;
	}

	/** Stores everything waiting in the outbox, unless the server is stopping. */
	void writeAll() {
		while (!stopping && writeBatch(properties.batchSize()) == properties.batchSize()) {
			// a full batch: more may be waiting
		}
	}

	private int writeBatch(int size) {
		List<OutboxRow> rows;
		try {
			rows = transactions.execute(status -> {
				List<OutboxRow> batch = pending(size);
				store(batch);
				return batch;
			});
		} catch (RuntimeException batchFailed) {
			log.warn("Storing a batch of audit records failed ({}); storing them one by one", batchFailed.toString());
			List<OutboxRow> batch = pending(size);
			batch.forEach(this::storeAlone);
			return batch.size();
		}
		return rows == null ? 0 : rows.size();
	}

	private void storeAlone(OutboxRow row) {
		try {
			transactions.executeWithoutResult(status -> store(List.of(row)));
		} catch (RuntimeException failed) {
			log.error("Audit record {} ({}) cannot be stored and stays in hulian_audit_outbox: {}", row.id(), row.kind(),
					failed.toString());
			jdbc.update("UPDATE hulian_audit_outbox SET kind = ? WHERE id = ?", UNSTORABLE + row.kind(), row.id());
		}
	}

	private List<OutboxRow> pending(int size) {
		return jdbc.query("SELECT id, kind, body FROM hulian_audit_outbox WHERE kind NOT LIKE ? ORDER BY id LIMIT ?",
				(result, rowNumber) -> new OutboxRow(result.getLong(1), result.getString(2), result.getString(3)),
				UNSTORABLE + "%", size);
	}

	private void store(List<OutboxRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
		ChainHead head = jdbc.query("SELECT sequence, hash FROM hulian_audit_chain ORDER BY sequence DESC LIMIT 1",
						(result, rowNumber) -> new ChainHead(result.getLong(1), result.getString(2)))
				.stream().findFirst().orElse(new ChainHead(0, AuditChain.START));
		IParser parser = fhirContext.newJsonParser();
		SystemRequestDetails system = new SystemRequestDetails();
		for (OutboxRow row : rows) {
			IBaseResource resource = parser.parseResource(row.body());
			if (resource instanceof AuditEvent event) {
				long sequence = head.sequence() + 1;
				String hash = chain.link(event, sequence, head.hash());
				String id = daoRegistry.getResourceDao(AuditEvent.class).create(event, system).getId().getIdPart();
				jdbc.update("INSERT INTO hulian_audit_chain (sequence, audit_event_id, hash) VALUES (?, ?, ?)",
						sequence, id, hash);
				head = new ChainHead(sequence, hash);
			} else {
				daoRegistry.getResourceDao(fhirContext.getResourceType(resource)).create(resource, system);
			}
		}
		jdbc.update("DELETE FROM hulian_audit_outbox WHERE id = ANY(?)",
				(Object) rows.stream().map(OutboxRow::id).toArray(Long[]::new));
	}

	private void writeQuietly() {
		try {
			writeAll();
		} catch (RuntimeException e) {
			log.warn("Audit records could not be stored yet; retrying: {}", e.toString());
		}
	}

	@Override
	public void start() {
		stopping = false;
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "audit-writer"));
		long interval = properties.writeInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::writeQuietly, interval, interval, TimeUnit.MILLISECONDS);
	}

	/** Finishes the batch in hand; what is left waits in the outbox for the next start. */
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

	private record OutboxRow(long id, String kind, String body) {}

	private record ChainHead(long sequence, String hash) {}
}
