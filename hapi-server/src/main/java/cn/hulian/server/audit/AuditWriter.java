package cn.hulian.server.audit;

import cn.hulian.server.background.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit trail's background work, every {@code hulian.audit.write-interval}: links new AuditEvents into the hash
 * chain and stores waiting Provenances. Whatever is left at shutdown or after a crash is done at the next start.
 */
@Component
class AuditWriter extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

	private final AuditChainLinker chainLinker;
	private final ProvenanceOutbox provenances;

	AuditWriter(AuditChainLinker chainLinker, ProvenanceOutbox provenances, AuditProperties properties) {
		super("audit-writer", properties.writeInterval());
		this.chainLinker = chainLinker;
		this.provenances = provenances;
	}

	@Override
	protected void runRound() {
		try {
			boolean more = true;
			while (more && !isStopping()) {
				// Both steps run every round (non-short-circuit |): a backlog of one does not starve the other.
				more = chainLinker.linkBatch() | provenances.storeBatch();
			}
		} catch (RuntimeException e) {
			log.warn("The audit trail could not be brought up to date yet; retrying: {}", e.toString());
		}
	}
}
