package cn.hulian.server.audit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's own tables, next to HAPI's, created at start when missing:
 * <ul>
 *   <li>{@code hulian_audit_event}: every AuditEvent, its JSON and the columns it is searched by, and its place in
 *       the hash chain once linked. One insert per interaction: storing access logs as ordinary FHIR resources (about
 *       thirty index rows each) cost more than the reads they record;</li>
 *   <li>{@code hulian_provenance_outbox}: Provenances recorded with their write but not yet stored as FHIR
 *       resources. A write's rows commit in the write's own transaction, so a committed write always has them;</li>
 *   <li>{@code hulian_audit_event_patient}: each AuditEvent under each patient it concerns, in the order recorded, so
 *       a page of one patient's events is read without reading all of them;</li>
 *   <li>{@code hulian_patient_record}: every record ever written in a patient's compartment, kept after deletes, for
 *       the full record history.</li>
 * </ul>
 */
@Component
class AuditSchema {

	private static final Logger log = LoggerFactory.getLogger(AuditSchema.class);

	AuditSchema(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_audit_event (
				  id VARCHAR(64) PRIMARY KEY,
				  arrival BIGSERIAL NOT NULL,
				  recorded TIMESTAMPTZ NOT NULL,
				  action VARCHAR(1) NOT NULL,
				  outcome VARCHAR(2) NOT NULL,
				  types TEXT[] NOT NULL,
				  agents TEXT[] NOT NULL,
				  agent_names TEXT[] NOT NULL,
				  patients TEXT[] NOT NULL,
				  entities TEXT[] NOT NULL,
				  body TEXT NOT NULL,
				  sequence BIGINT UNIQUE,
				  previous_hash CHAR(64),
				  hash CHAR(64))""");
		jdbc.execute("CREATE INDEX IF NOT EXISTS hulian_audit_event_recorded ON hulian_audit_event (recorded)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS hulian_audit_event_arrival ON hulian_audit_event (arrival)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS hulian_audit_event_unlinked ON hulian_audit_event (arrival) "
				+ "WHERE sequence IS NULL");
		for (String column : new String[] {"types", "agents", "entities"}) {
			jdbc.execute("CREATE INDEX IF NOT EXISTS hulian_audit_event_" + column + " ON hulian_audit_event USING GIN ("
					+ column + ")");
		}
		createPatientIndex(jdbc, new TransactionTemplate(transactionManager));
		// Searches by patient read hulian_audit_event_patient; an array index on patients only slowed every insert.
		jdbc.execute("DROP INDEX IF EXISTS hulian_audit_event_patients");
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_provenance_outbox (
				  id BIGSERIAL PRIMARY KEY,
				  body TEXT NOT NULL,
				  unstorable BOOLEAN NOT NULL DEFAULT FALSE)""");
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_patient_record (
				  patient_id VARCHAR(100) NOT NULL,
				  resource_type VARCHAR(40) NOT NULL,
				  resource_id VARCHAR(100) NOT NULL,
				  PRIMARY KEY (patient_id, resource_type, resource_id))""");
	}

	/**
	 * Filled from the events already stored when it is new (a server upgraded from a version without it), in the same
	 * transaction as it is created: a start interrupted while filling leaves no half-filled index behind, and the next
	 * start fills it again.
	 */
	private static void createPatientIndex(JdbcTemplate jdbc, TransactionTemplate transactions) {
		Boolean exists = jdbc.queryForObject("SELECT to_regclass('hulian_audit_event_patient') IS NOT NULL", Boolean.class);
		if (Boolean.TRUE.equals(exists)) {
			return;
		}
		long started = System.nanoTime();
		Integer filled = transactions.execute(status -> {
			jdbc.execute("""
					CREATE TABLE IF NOT EXISTS hulian_audit_event_patient (
					  patient TEXT NOT NULL,
					  arrival BIGINT NOT NULL,
					  PRIMARY KEY (patient, arrival))""");
			return jdbc.update("""
					INSERT INTO hulian_audit_event_patient (patient, arrival)
					SELECT DISTINCT unnest(patients), arrival FROM hulian_audit_event
					ON CONFLICT DO NOTHING""");
		});
		if (filled != null && filled > 0) {
			log.info("Indexed the stored AuditEvents by patient: {} entries in {} s", filled,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
		}
	}
}
