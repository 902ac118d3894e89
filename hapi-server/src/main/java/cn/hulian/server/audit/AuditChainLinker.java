package cn.hulian.server.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links newly recorded AuditEvents into the hash chain, in the order they arrived, a batch per database transaction.
 * A PostgreSQL advisory lock keeps one chain when several servers share the database; {@link VerifyChainOperation}
 * takes the same lock.
 */
@Component
class AuditChainLinker {

	/** Advisory lock key of the audit chain ("HULIANAU"). */
	static final long CHAIN_LOCK = 0x48554c49414e4155L;
	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;

	AuditChainLinker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AuditSchema schemaFirst) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Links the next batch of AuditEvents waiting; returns whether more may be waiting. */
	boolean linkBatch() {
		Integer linked = transactions.execute(status -> linkInTransaction());
		return linked != null && linked == BATCH;
	}

	private int linkInTransaction() {
		jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", CHAIN_LOCK);
		List<Unlinked> unlinked = jdbc.query(
				"SELECT id, body FROM hulian_audit_event WHERE sequence IS NULL ORDER BY arrival LIMIT " + BATCH,
				(row, number) -> new Unlinked(row.getString(1), row.getString(2)));
		if (unlinked.isEmpty()) {
			return 0;
		}
		Link head = jdbc.query(
						"SELECT sequence, hash FROM hulian_audit_event WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1",
						(row, number) -> new Link(row.getLong(1), row.getString(2)))
				.stream().findFirst().orElse(new Link(0, AuditChain.START));
		Object[][] updates = new Object[unlinked.size()][];
		for (int i = 0; i < unlinked.size(); i++) {
			long sequence = head.sequence() + 1;
			String hash = AuditChain.hash(unlinked.get(i).body(), sequence, head.hash());
			updates[i] = new Object[] {sequence, head.hash(), hash, unlinked.get(i).id()};
			head = new Link(sequence, hash);
		}
		jdbc.batchUpdate("UPDATE hulian_audit_event SET sequence = ?, previous_hash = ?, hash = ? WHERE id = ?",
				List.of(updates));
		return unlinked.size();
	}

	private record Unlinked(String id, String body) {}

	private record Link(long sequence, String hash) {}
}
