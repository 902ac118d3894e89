package cn.hulian.server.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.hibernate.search.engine.common.EntityReference;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategyConfigurationContext;
import org.hibernate.search.mapper.pojo.work.SearchIndexingPlanExecutionReport;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class IndexingSynchronizationTest {

	private final IndexBacklog backlog = mock(IndexBacklog.class);
	private final SearchEngineHealth engine = mock(SearchEngineHealth.class);
	private final Consumer<CompletableFuture<SearchIndexingPlanExecutionReport>> handler = handlerOf(
			new IndexingSynchronization(backlog, new IndexingProperties(Duration.ofMillis(200), null, null), engine));

	@Test
	void recordsThatTheIndexMissedGoToTheBacklogAndTheWriteIsNotFailed() {
		SearchIndexingPlanExecutionReport report = mock(SearchIndexingPlanExecutionReport.class);
		when(report.throwable()).thenReturn(Optional.of(new IllegalStateException("Connection refused")));
		doReturnFailing(report, List.of(resource(42), resource(43)));

		handler.accept(CompletableFuture.completedFuture(report));

		verify(backlog).add(eq(List.of(42L, 43L)), anyString());
		// A full-text search right after this write must not trust an older "the engine is up".
		verify(engine).recheck();
	}

	@Test
	void aWriteTheIndexTookLeavesNothingInTheBacklog() {
		SearchIndexingPlanExecutionReport report = mock(SearchIndexingPlanExecutionReport.class);
		when(report.throwable()).thenReturn(Optional.empty());

		handler.accept(CompletableFuture.completedFuture(report));

		verify(backlog, never()).add(anyCollection(), anyString());
		verify(engine, never()).recheck();
	}

	@Test
	void aSilentEngineHoldsTheWriteOnlyUntilTheMaximumWait() {
		Instant started = Instant.now();

		handler.accept(new CompletableFuture<>());

		assertThat(Duration.between(started, Instant.now())).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
		verify(engine).recheck();
	}

	@SuppressWarnings({"unchecked", "rawtypes"})
	private static Consumer<CompletableFuture<SearchIndexingPlanExecutionReport>> handlerOf(IndexingSynchronization strategy) {
		IndexingPlanSynchronizationStrategyConfigurationContext context =
				mock(IndexingPlanSynchronizationStrategyConfigurationContext.class);
		strategy.apply(context);
		ArgumentCaptor<Consumer> handler = ArgumentCaptor.forClass(Consumer.class);
		verify(context).indexingFutureHandler(handler.capture());
		return handler.getValue();
	}

	@SuppressWarnings({"unchecked", "rawtypes"})
	private static void doReturnFailing(SearchIndexingPlanExecutionReport report, List<EntityReference> entities) {
		when(report.failingEntities()).thenReturn((List) entities);
	}

	private static EntityReference resource(long pid) {
		return new EntityReference() {
			@Override
			public Class<?> type() {
				return ResourceTable.class;
			}

			@Override
			public String name() {
				return "ResourceTable";
			}

			@Override
			public Object id() {
				return JpaPid.fromId(pid);
			}
		};
	}
}
