package cn.hulian.server.audit;

import ca.uhn.fhir.rest.annotation.Operation;
import cn.hulian.server.config.FhirOperationProvider;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code AuditEvent/$verify-chain}: walks the hash chain from the first AuditEvent to the last, recomputing each hash
 * from the stored event, and reports whether it is intact, or the first event that was changed or removed. Answers
 * Parameters: {@code intact}, {@code checked}, {@code head} (the last hash, to compare with a copy kept elsewhere),
 * {@code waiting} (events recorded in the last moments, not linked yet) and, when broken, {@code brokenAt}
 * (sequence), {@code auditEvent} and {@code problem}.
 */
@Component
class VerifyChainOperation implements FhirOperationProvider {

	private static final int PAGE = 1000;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;

	VerifyChainOperation(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Operation(name = "$verify-chain", typeName = "AuditEvent", idempotent = true)
	public Parameters verifyChain() {
		// Holding the linker's lock: no event joins the chain while it is walked.
		return transactions.execute(status -> {
			jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", AuditChainLinker.CHAIN_LOCK);
			return walkChain();
		});
	}

	private Parameters walkChain() {
		String previousHash = AuditChain.START;
		long checked = 0;
		while (true) {
			List<Linked> links = jdbc.query("""
							SELECT id, sequence, previous_hash, hash, body FROM hulian_audit_event
							WHERE sequence > ? ORDER BY sequence LIMIT ?""",
					(row, number) -> new Linked(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
							row.getString(5)),
					checked, PAGE);
			if (links.isEmpty()) {
				return intact(checked, previousHash);
			}
			for (Linked link : links) {
				Optional<String> problem = problemWith(link, checked, previousHash);
				if (problem.isPresent()) {
					return broken(checked, link, problem.get());
				}
				previousHash = link.hash();
				checked = link.sequence();
			}
		}
	}

	private static Optional<String> problemWith(Linked link, long checked, String previousHash) {
		if (link.sequence() != checked + 1) {
			return Optional.of("the events between " + checked + " and " + link.sequence() + " were removed");
		}
		return AuditChain.problemWith(link.body(), link.sequence(), previousHash, link.previousHash(), link.hash());
	}

	private Parameters intact(long checked, String head) {
		Parameters result = new Parameters();
		result.addParameter("intact", new BooleanType(true));
		result.addParameter("checked", new DecimalType(checked));
		result.addParameter("head", new StringType(head));
		result.addParameter("waiting", new DecimalType(jdbc.queryForObject(
				"SELECT count(*) FROM hulian_audit_event WHERE sequence IS NULL", Long.class)));
		return result;
	}

	private static Parameters broken(long checked, Linked link, String problem) {
		Parameters result = new Parameters();
		result.addParameter("intact", new BooleanType(false));
		result.addParameter("checked", new DecimalType(checked));
		result.addParameter("brokenAt", new DecimalType(link.sequence()));
		result.addParameter().setName("auditEvent").setValue(new Reference("AuditEvent/" + link.id()));
		result.addParameter("problem", new StringType("AuditEvent/" + link.id() + " (sequence " + link.sequence()
				+ "): " + problem));
		return result;
	}

	private record Linked(String id, long sequence, String previousHash, String hash, String body) {}
}
