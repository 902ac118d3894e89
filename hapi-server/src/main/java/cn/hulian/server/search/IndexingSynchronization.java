package cn.hulian.server.search;

import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hibernate.search.engine.backend.work.execution.DocumentCommitStrategy;
import org.hibernate.search.engine.backend.work.execution.DocumentRefreshStrategy;
import org.hibernate.search.engine.common.EntityReference;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a write waits for the full-text index. Like Hibernate Search's {@code read-sync}, a write answers once its
 * change is searchable, so a {@code _content} search right after it finds it. Unlike {@code read-sync}, a failing or
 * silent search engine never fails the write: by then the write is committed to PostgreSQL, and answering 500 would
 * tell the client a stored record was not stored. The records the index missed go to the {@link IndexBacklog}
 * instead, and a write waits at most {@code hulian.search.indexing.max-wait} for an engine that does not answer.
 */
@Component(IndexingSynchronization.BEAN_NAME)
public class IndexingSynchronization implements IndexingPlanSynchronizationStrategy {

	/** How Hibernate Search finds this strategy among Spring's beans ({@link HibernateSearchSettings}). */
	static final String BEAN_NAME = "indexingSynchronization";

	private static final Logger log = LoggerFactory.getLogger(IndexingSynchronization.class);

	private final IndexBacklog backlog;
	private final IndexingProperties properties;
	private final SearchEngineHealth engine;

	IndexingSynchronization(IndexBacklog backlog, IndexingProperties properties, SearchEngineHealth engine) {
		this.backlog = backlog;
		this.properties = properties;
		this.engine = engine;
	}

	@Override
	public void apply(IndexingPlanSynchronizationStrategyConfigurationContext context) {
		context.documentCommitStrategy(DocumentCommitStrategy.NONE);
		context.documentRefreshStrategy(DocumentRefreshStrategy.FORCE);
		context.indexingFutureHandler(this::awaitIndexing);
	}

	private void awaitIndexing(CompletableFuture<? extends SearchIndexingPlanExecutionReport> indexing) {
		CompletableFuture<Void> handled = indexing.handle((report, failure) -> {
			if (failure != null || report.throwable().isPresent()) {
				engine.recheck();
			}
			if (failure != null) {
				log.warn("The full-text index failed to take a write, and did not say which records: once the search engine "
						+ "is back, $reindex the types written meanwhile (never CodeSystems). Cause: {}", failure.toString());
			} else {
				report.throwable().ifPresent(cause -> putInBacklog(report.failingEntities(), cause));
			}
			return null;
		});
		try {
			handled.get(properties.maxWait().toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			engine.recheck();
			log.warn("The search engine did not take a write within {}; answering the write anyway", properties.maxWait());
		} catch (ExecutionException e) {
			log.warn("Recording what the full-text index missed failed: {}", e.getCause().toString());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void putInBacklog(List<? extends EntityReference> missed, Throwable cause) {
		List<Long> resources = missed.stream()
				.filter(entity -> entity.type() == ResourceTable.class && entity.id() instanceof JpaPid)
				.map(entity -> ((JpaPid) entity.id()).getId())
				.toList();
		log.warn("The full-text index missed {} record(s), which will be indexed again when the search engine is back: {}",
				resources.size(), cause.toString());
		if (resources.size() < missed.size()) {
			log.warn("The full-text index also missed {} terminology concept(s); run $reindex-terminology once the "
					+ "search engine is back", missed.size() - resources.size());
		}
		backlog.add(resources, cause.toString());
	}
}
