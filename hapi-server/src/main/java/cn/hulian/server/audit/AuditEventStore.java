package cn.hulian.server.audit;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where AuditEvents are kept (table {@code hulian_audit_event}): each one a single insert, inside the caller's
 * database transaction when there is one, so a committed write always has its AuditEvent and a read's AuditEvent is
 * stored before its answer is sent. The JSON is stored as recorded; {@link AuditChainLinker} links it into the hash
 * chain moments later, and reading it back shows that link as extension {@value AuditChain#URL}.
 */
@Component
class AuditEventStore {

	private static final Logger log = LoggerFactory.getLogger(AuditEventStore.class);
	private static final String COLUMNS = "e.id, e.recorded, e.body, e.sequence, e.previous_hash, e.hash";

	private final JdbcTemplate jdbc;
	private final FhirContext fhirContext;

	AuditEventStore(JdbcTemplate jdbc, FhirContext fhirContext, AuditSchema schemaFirst) {
		this.jdbc = jdbc;
		this.fhirContext = fhirContext;
	}

	void add(AuditEvent event) {
		addAll(List.of(event));
	}

	/** Stores {@code events} in one batch. */
	void addAll(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		// One statement per event: the event, and its entries in the patient index (AuditEventCriteria).
		jdbc.batchUpdate("""
						WITH event AS (
						  INSERT INTO hulian_audit_event
						    (id, recorded, action, outcome, types, agents, agent_names, patients, entities, body)
						  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						  RETURNING arrival, patients)
						INSERT INTO hulian_audit_event_patient (patient, arrival)
						SELECT DISTINCT unnest(patients), arrival FROM event""",
				events, events.size(), (statement, event) -> {
					AuditEventColumns columns = AuditEventColumns.of(event);
					Connection connection = statement.getConnection();
					statement.setString(1, UUID.randomUUID().toString());
					statement.setTimestamp(2, new Timestamp(event.getRecorded().getTime()));
					statement.setString(3, columns.action());
					statement.setString(4, columns.outcome());
					statement.setArray(5, textArray(connection, columns.types()));
					statement.setArray(6, textArray(connection, columns.agents()));
					statement.setArray(7, textArray(connection, columns.agentNames()));
					statement.setArray(8, textArray(connection, columns.patients()));
					statement.setArray(9, textArray(connection, columns.entities()));
					statement.setString(10, fhirContext.newJsonParser().encodeResourceToString(event));
				});
	}

	/** Stores {@code event} or, when the database cannot take it, writes it to the log at WARN. */
	void addOrLog(AuditEvent event) {
		try {
			add(event);
		} catch (DataAccessException storeFailed) {
			log.warn("Could not store an AuditEvent: {}", storeFailed.getMessage());
			log(event);
		}
	}

	/** Writes {@code event} to the log at WARN, for when the database cannot take it. */
	void log(AuditEvent event) {
		log.warn("AuditEvent kept in the log, not in the audit table: {}",
				fhirContext.newJsonParser().encodeResourceToString(event));
	}

	Optional<AuditEvent> read(String id) {
		return jdbc.query("SELECT " + COLUMNS + " FROM hulian_audit_event e WHERE e.id = ?", this::toAuditEvent, id)
				.stream().findFirst();
	}

	/** One page of the AuditEvents that match, and how many match in all. */
	AuditEventPage search(AuditEventCriteria criteria, int offset, int count) {
		Integer total = jdbc.queryForObject(criteria.countQuery(), Integer.class, criteria.arguments().toArray());
		List<AuditEvent> events = count == 0 || total == null || total <= offset
				? List.of()
				: jdbc.query("SELECT " + COLUMNS + " FROM " + criteria.from() + " WHERE " + criteria.where() + " ORDER BY "
								+ criteria.orderBy() + " LIMIT " + count + " OFFSET " + offset,
						this::toAuditEvent, criteria.arguments().toArray());
		return new AuditEventPage(events, total == null ? 0 : total);
	}

	private AuditEvent toAuditEvent(ResultSet row, int number) throws SQLException {
		AuditEvent event = fhirContext.newJsonParser().parseResource(AuditEvent.class, row.getString("body"));
		event.setId(row.getString("id"));
		event.getMeta().setVersionId("1").setLastUpdated(row.getTimestamp("recorded"));
		long sequence = row.getLong("sequence");
		if (!row.wasNull()) {
			AuditChain.showLink(event, sequence, row.getString("previous_hash"), row.getString("hash"));
		}
		return event;
	}

	private static Array textArray(Connection connection, List<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

	record AuditEventPage(List<AuditEvent> events, int total) {}
}
