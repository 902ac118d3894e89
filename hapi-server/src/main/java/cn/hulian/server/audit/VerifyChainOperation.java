package cn.hulian.server.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import cn.hulian.server.config.FhirOperationProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
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
 * from the stored event, and reports whether it is intact, or the first event that was changed, removed or is missing
 * from the chain. Answers Parameters: {@code intact}, {@code checked}, {@code head} (the last hash, to compare with a
 * copy kept elsewhere) and, when broken, {@code brokenAt} (sequence), {@code auditEvent} and {@code problem}.
 */
@Component
class VerifyChainOperation implements FhirOperationProvider {

	private static final int PAGE = 500;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final DaoRegistry daoRegistry;
	private final AuditChain chain;

	VerifyChainOperation(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DaoRegistry daoRegistry,
			AuditChain chain) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.daoRegistry = daoRegistry;
		this.chain = chain;
	}

	@Operation(name = "$verify-chain", typeName = "AuditEvent", idempotent = true)
	public Parameters verifyChain() {
		// Holding the writer's lock: no event joins the chain while it is walked and the stored events counted.
		return transactions.execute(status -> {
			jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", AuditWriter.CHAIN_LOCK);
			return walkChain();
		});
	}

	private Parameters walkChain() {
		String previousHash = AuditChain.START;
		long checked = 0;
		while (true) {
			List<Link> links = jdbc.query(
					"SELECT sequence, audit_event_id, hash FROM hulian_audit_chain WHERE sequence > ? ORDER BY sequence LIMIT ?",
					(row, number) -> new Link(row.getLong(1), row.getString(2), row.getString(3)), checked, PAGE);
			if (links.isEmpty()) {
				return intactUnlessUnchained(checked, previousHash);
			}
			Map<String, AuditEvent> events = load(links);
			for (Link link : links) {
				Optional<String> problem = problemWith(link, checked, previousHash, events.get(link.auditEventId()));
				if (problem.isPresent()) {
					return broken(checked, link, problem.get());
				}
				previousHash = link.hash();
				checked = link.sequence();
			}
		}
	}

	private Optional<String> problemWith(Link link, long checked, String previousHash, AuditEvent event) {
		if (link.sequence() != checked + 1) {
			return Optional.of("the events between " + checked + " and " + link.sequence() + " were removed");
		}
		if (event == null) {
			return Optional.of("it was deleted");
		}
		return chain.check(event, link.sequence(), previousHash, link.hash());
	}

	private Map<String, AuditEvent> load(List<Link> links) {
		TokenOrListParam ids = new TokenOrListParam();
		links.forEach(link -> ids.add(link.auditEventId()));
		SearchParameterMap byId = SearchParameterMap.newSynchronous().add("_id", ids);
		byId.setCount(links.size());
		return daoRegistry.getResourceDao(AuditEvent.class).searchForResources(byId, new SystemRequestDetails()).stream()
				.map(AuditEvent.class::cast)
				.collect(Collectors.toMap(event -> event.getIdElement().getIdPart(), Function.identity()));
	}

	/** An intact chain must also hold every stored AuditEvent: one inserted behind the server's back is not in it. */
	private Parameters intactUnlessUnchained(long checked, String head) {
		SearchParameterMap all = SearchParameterMap.newSynchronous();
		all.setSummaryMode(SummaryEnum.COUNT);
		Integer stored = daoRegistry.getResourceDao(AuditEvent.class).search(all, new SystemRequestDetails()).size();
		Parameters result = new Parameters();
		boolean complete = stored == null || stored == checked;
		result.addParameter("intact", new BooleanType(complete));
		result.addParameter("checked", new DecimalType(checked));
		result.addParameter("head", new StringType(head));
		if (!complete) {
			result.addParameter("problem", new StringType(stored + " AuditEvents are stored but only " + checked
					+ " are in the chain: some were added outside the server's audit trail"));
		}
		return result;
	}

	private static Parameters broken(long checked, Link link, String problem) {
		Parameters result = new Parameters();
		result.addParameter("intact", new BooleanType(false));
		result.addParameter("checked", new DecimalType(checked));
		result.addParameter("brokenAt", new DecimalType(link.sequence()));
		result.addParameter().setName("auditEvent").setValue(new Reference("AuditEvent/" + link.auditEventId()));
		result.addParameter("problem", new StringType("AuditEvent/" + link.auditEventId() + " (sequence "
				+ link.sequence() + "): " + problem));
		return result;
	}

	private record Link(long sequence, String auditEventId, String hash) {}
}
