package cn.hulian.server.search;

import cn.hulian.server.background.PeriodicTask;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the records a crashed server may not have indexed into the {@link IndexBacklog}. A write is committed before it
 * is sent to the index; a server killed between the two (SIGKILL, power loss) leaves a stored record the index does
 * not know and no backlog row for it. Each server beats every few seconds in {@code hulian_search_index_heartbeat}
 * and removes its row when it stops cleanly. A row that stopped beating belongs to a crashed server: the records
 * changed from {@link #IN_FLIGHT} before its last beat onwards are queued for indexing again (re-indexing a record the
 * index already has changes nothing). Any server sharing the database does this, the restarted one included.
 */
@Component
class CrashedServerRecovery extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(CrashedServerRecovery.class);
	private static final Duration BEAT = Duration.ofSeconds(5);
	/** A server that has not beaten for this long is taken for dead. */
	private static final Duration SILENCE = Duration.ofSeconds(30);
	/**
	 * How long before its last beat a crashed server's writes may still have been waiting for the index: a write
	 * waits at most {@code hulian.search.indexing.max-wait}, after a transaction that may take minutes to commit.
	 */
	private static final Duration IN_FLIGHT = Duration.ofMinutes(5);

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final String serverId = UUID.randomUUID().toString();

	CrashedServerRecovery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, IndexBacklog backlogFirst) {
		super("crashed-server-recovery", BEAT);
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_search_index_heartbeat (
				  server_id TEXT PRIMARY KEY,
				  beat TIMESTAMPTZ NOT NULL DEFAULT now())""");
	}

	@Override
	public void start() {
		runRound();
		super.start();
	}

	@Override
	protected void runRound() {
		try {
			jdbc.update("""
					INSERT INTO hulian_search_index_heartbeat (server_id) VALUES (?)
					ON CONFLICT (server_id) DO UPDATE SET beat = now()""", serverId);
			transactions.executeWithoutResult(status -> recoverCrashedServers());
		} catch (RuntimeException e) {
			log.warn("Could not check for crashed servers whose writes the index may have missed; retrying: {}",
					e.toString());
		}
	}

	private void recoverCrashedServers() {
		List<String> crashed = jdbc.queryForList("""
				SELECT server_id FROM hulian_search_index_heartbeat
				WHERE beat < now() - make_interval(secs => ?) FOR UPDATE SKIP LOCKED""", String.class,
				(double) SILENCE.toSeconds());
		for (String server : crashed) {
			int queued = jdbc.update("""
					INSERT INTO hulian_search_index_backlog (resource_pid, last_error)
					SELECT r.res_id, 'written shortly before a server crashed' FROM hfj_resource r
					WHERE r.res_updated >= (SELECT beat FROM hulian_search_index_heartbeat WHERE server_id = ?)
					  - make_interval(secs => ?)
					ON CONFLICT (resource_pid) DO NOTHING""", server, (double) IN_FLIGHT.toSeconds());
			jdbc.update("DELETE FROM hulian_search_index_heartbeat WHERE server_id = ?", server);
			log.warn("A server sharing this database stopped without shutting down; {} record(s) it may not have indexed "
					+ "will be indexed again", queued);
		}
	}

	@Override
	public void stop() {
		super.stop();
		try {
			jdbc.update("DELETE FROM hulian_search_index_heartbeat WHERE server_id = ?", serverId);
		} catch (RuntimeException e) {
			log.warn("Could not record this server's clean shutdown; its recent writes will be indexed again: {}",
					e.toString());
		}
	}
}
