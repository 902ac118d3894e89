package cn.hulian.server.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records whose latest change the full-text index does not have yet, because the search engine failed or was down
 * when they were written (table {@code hulian_search_index_backlog}, by HAPI resource PID). {@link IndexCatchUp}
 * indexes them again, backing off while the engine stays away.
 */
@Component
public class IndexBacklog {

	private static final Logger log = LoggerFactory.getLogger(IndexBacklog.class);

	private final DataSource dataSource;
	private final JdbcTemplate jdbc;

	IndexBacklog(DataSource dataSource, JdbcTemplate jdbc, MeterRegistry metrics) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_search_index_backlog (
				  resource_pid BIGINT PRIMARY KEY,
				  first_failed TIMESTAMPTZ NOT NULL DEFAULT now(),
				  attempts INT NOT NULL DEFAULT 0,
				  next_attempt TIMESTAMPTZ NOT NULL DEFAULT now(),
				  last_error TEXT)""");
		Gauge.builder("hulian.search.index.backlog", this, IndexBacklog::size)
				.description("Records whose latest change the full-text index does not have yet")
				.register(metrics);
	}

	/**
	 * Adds records the index missed. Called after the write's own transaction has committed, so this uses a connection
	 * of its own with auto-commit: the write's connection may still be bound to the thread, and nothing on it would
	 * be committed any more.
	 */
	void add(Collection<Long> resourcePids, String error) {
		String insert = """
				INSERT INTO hulian_search_index_backlog (resource_pid, last_error) VALUES (?, ?)
				ON CONFLICT (resource_pid) DO UPDATE SET next_attempt = now(), last_error = EXCLUDED.last_error""";
		try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(insert)) {
			connection.setAutoCommit(true);
			for (Long pid : resourcePids) {
				statement.setLong(1, pid);
				statement.setString(2, error);
				statement.addBatch();
			}
			statement.executeBatch();
		} catch (SQLException e) {
			log.warn("Could not record {} records for re-indexing ({}); once the search engine is back, $reindex them: {}",
					resourcePids.size(), e.toString(), resourcePids);
		}
	}

	/** Up to {@code limit} records due for another attempt, locked for the calling transaction. */
	List<Long> due(int limit) {
		return jdbc.queryForList("""
				SELECT resource_pid FROM hulian_search_index_backlog WHERE next_attempt <= now()
				ORDER BY next_attempt LIMIT ? FOR UPDATE SKIP LOCKED""", Long.class, limit);
	}

	void remove(Collection<Long> resourcePids) {
		jdbc.update("DELETE FROM hulian_search_index_backlog WHERE resource_pid = ANY(?)", (Object) resourcePids.toArray(Long[]::new));
	}

	/** Leaves the records for a later attempt: 2, 4, 8 s … after each failed one, at most 5 minutes apart. */
	void postpone(Collection<Long> resourcePids, String error) {
		jdbc.update("""
				UPDATE hulian_search_index_backlog SET attempts = attempts + 1, last_error = ?,
				  next_attempt = now() + LEAST(interval '5 minutes', interval '1 second' * power(2, LEAST(attempts + 1, 20)))
				WHERE resource_pid = ANY(?)""", error, resourcePids.toArray(Long[]::new));
	}

	/** Makes every record due now, as when the search engine is back after an outage. */
	void retryAllNow() {
		jdbc.update("UPDATE hulian_search_index_backlog SET next_attempt = now() WHERE next_attempt > now()");
	}

	/** How many records wait to be indexed. */
	public long size() {
		Long size = jdbc.queryForObject("SELECT count(*) FROM hulian_search_index_backlog", Long.class);
		return size == null ? 0 : size;
	}
}
