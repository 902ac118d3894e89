package cn.hulian.server.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail's own tables, next to HAPI's, created at start when missing:
 * <ul>
 *   <li>{@code hulian_audit_outbox}: AuditEvents and Provenances recorded but not yet stored as FHIR resources. A
 *       write's rows commit in the write's own transaction, so a committed write always has its audit;</li>
 *   <li>{@code hulian_audit_chain}: the hash chain over stored AuditEvents, in order;</li>
 *   <li>{@code hulian_patient_record}: every record ever written in a patient's compartment, kept after deletes, for
 *       the full record history.</li>
 * </ul>
 */
@Component
class AuditSchema {

	AuditSchema(JdbcTemplate jdbc) {
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_audit_outbox (
				  id BIGSERIAL PRIMARY KEY,
				  kind VARCHAR(20) NOT NULL,
				  body TEXT NOT NULL)""");
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_audit_chain (
				  sequence BIGINT PRIMARY KEY,
				  audit_event_id VARCHAR(100) NOT NULL,
				  hash CHAR(64) NOT NULL)""");
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_patient_record (
				  patient_id VARCHAR(100) NOT NULL,
				  resource_type VARCHAR(40) NOT NULL,
				  resource_id VARCHAR(100) NOT NULL,
				  PRIMARY KEY (patient_id, resource_type, resource_id))""");
	}
}
