package cn.hulian.server.search;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import cn.hulian.server.background.PeriodicTask;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes the records in the {@link IndexBacklog} again, every {@code hulian.search.indexing.catch-up-interval}, once
 * the search engine answers (all of them as soon as it is back, whatever their back-off): the texts HAPI indexes
 * ({@link StoredText}) are computed from the stored record and sent. Not through HAPI's re-indexing, which also
 * extracts every search parameter again and, for a CodeSystem, stores all its concepts again. Servers sharing a
 * database share the work: each takes rows the others have not locked.
 */
@Component
class IndexCatchUp extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(IndexCatchUp.class);

	private final IndexBacklog backlog;
	private final DaoRegistry daoRegistry;
	private final FhirContext fhirContext;
	private final EntityManager entityManager;
	private final TransactionTemplate transactions;
	private final IndexingProperties properties;
	private final SearchEngineHealth engine;
	private boolean engineWasAway;

	IndexCatchUp(IndexBacklog backlog, DaoRegistry daoRegistry, FhirContext fhirContext, EntityManager entityManager,
			PlatformTransactionManager transactionManager, IndexingProperties properties, SearchEngineHealth engine) {
		super("index-catch-up", properties.catchUpInterval());
		this.backlog = backlog;
		this.daoRegistry = daoRegistry;
		this.fhirContext = fhirContext;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.engine = engine;
	}

	@Override
	protected void runRound() {
		try {
			if (!engine.isReachable()) {
				engineWasAway = true;
				return;
			}
			if (engineWasAway) {
				// The engine is back: what waits in the backlog need not wait out its back-off.
				backlog.retryAllNow();
				engineWasAway = false;
			}
			while (!isStopping() && indexBatch()) {
				// the next batch at once while the engine takes them
			}
		} catch (RuntimeException e) {
			log.warn("Indexing the records the full-text index missed failed; retrying later: {}", e.toString());
		}
	}

	/** Indexes the next batch due; answers whether a full batch went through (more may be waiting). */
	private boolean indexBatch() {
		List<Long> failed = new ArrayList<>();
		StringBuilder error = new StringBuilder();
		Integer indexed = transactions.execute(status -> {
			List<Long> due = backlog.due(properties.catchUpBatch());
			if (due.isEmpty()) {
				return 0;
			}
			SearchSession session = Search.session(entityManager);
			// This session's failures must throw (the server's own strategy would put them back in the backlog).
			session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
			SearchIndexingPlan plan = session.indexingPlan();
			due.forEach(pid -> reindex(pid, plan));
			try {
				// Sent now, not after commit, so that the batch leaves the backlog only if the engine took it.
				plan.execute();
				backlog.remove(due);
				return due.size();
			} catch (SearchException engineFailed) {
				status.setRollbackOnly();
				failed.addAll(due);
				error.append(engineFailed);
				return 0;
			}
		});
		if (!failed.isEmpty()) {
			backlog.postpone(failed, error.toString());
			return false;
		}
		if (indexed != null && indexed > 0) {
			log.info("Indexed {} record(s) the full-text index had missed; {} left", indexed, backlog.size());
		}
		return indexed != null && indexed == properties.catchUpBatch();
	}

	private void reindex(long pid, SearchIndexingPlan plan) {
		ResourceTable entity = entityManager.find(ResourceTable.class, JpaPid.fromId(pid));
		if (entity == null) {
			plan.purge(ResourceTable.class, JpaPid.fromId(pid), null); // expunged since
			return;
		}
		if (entity.getDeleted() == null) {
			IBaseResource stored = daoRegistry.getResourceDao(entity.getResourceType()).readByPid(entity.getPersistentId());
			entity.setContentText(StoredText.content(fhirContext, stored));
			entity.setNarrativeText(StoredText.narrative(stored));
		} // a deleted record's document keeps no text to match
		plan.addOrUpdate(entity);
	}
}
