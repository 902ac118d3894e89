package cn.hulian.server.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.util.List;
import org.hl7.fhir.r4.model.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where Provenances wait to be stored as FHIR resources (table {@code hulian_provenance_outbox}). Adding one is a
 * single insert inside the write's own transaction: cheap on the write path, and never lost once the write commits.
 * {@link #storeBatch()} stores them through HAPI in small batches; a batch's session is flushed only at commit, as
 * HAPI's id lookups would otherwise flush it once per reference, and its flush cost grows with the square of the batch.
 */
@Component
class ProvenanceOutbox {

	private static final Logger log = LoggerFactory.getLogger(ProvenanceOutbox.class);

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final DaoRegistry daoRegistry;
	private final FhirContext fhirContext;
	private final EntityManager entityManager;
	private final int batchSize;

	ProvenanceOutbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DaoRegistry daoRegistry,
			FhirContext fhirContext, EntityManager entityManager, AuditProperties properties, AuditSchema schemaFirst) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.daoRegistry = daoRegistry;
		this.fhirContext = fhirContext;
		this.entityManager = entityManager;
		this.batchSize = properties.batchSize();
	}

	void add(Provenance provenance) {
		jdbc.update("INSERT INTO hulian_provenance_outbox (body) VALUES (?)",
				fhirContext.newJsonParser().encodeResourceToString(provenance));
	}

	/** Stores the next batch of Provenances waiting; returns whether more may be waiting. */
	boolean storeBatch() {
		try {
			Integer stored = transactions.execute(status -> store(pending()));
			return stored != null && stored == batchSize;
		} catch (RuntimeException batchFailed) {
			log.warn("Storing a batch of Provenances failed ({}); storing them one by one", batchFailed.toString());
			List<Pending> batch = pending();
			batch.forEach(this::storeAlone);
			return true;
		}
	}

	private void storeAlone(Pending provenance) {
		try {
			transactions.executeWithoutResult(status -> store(List.of(provenance)));
		} catch (RuntimeException failed) {
			log.error("Provenance {} cannot be stored and stays in hulian_provenance_outbox: {}", provenance.id(),
					failed.toString());
			jdbc.update("UPDATE hulian_provenance_outbox SET unstorable = TRUE WHERE id = ?", provenance.id());
		}
	}

	private List<Pending> pending() {
		return jdbc.query("SELECT id, body FROM hulian_provenance_outbox WHERE NOT unstorable ORDER BY id LIMIT ?",
				(row, number) -> new Pending(row.getLong(1), row.getString(2)), batchSize);
	}

	private int store(List<Pending> batch) {
		entityManager.setFlushMode(FlushModeType.COMMIT);
		IParser parser = fhirContext.newJsonParser();
		SystemRequestDetails system = new SystemRequestDetails();
		for (Pending provenance : batch) {
			daoRegistry.getResourceDao(Provenance.class).create(parser.parseResource(Provenance.class, provenance.body()),
					system);
		}
		jdbc.update("DELETE FROM hulian_provenance_outbox WHERE id = ANY(?)",
				(Object) batch.stream().map(Pending::id).toArray(Long[]::new));
		return batch.size();
	}

	private record Pending(long id, String body) {}
}
