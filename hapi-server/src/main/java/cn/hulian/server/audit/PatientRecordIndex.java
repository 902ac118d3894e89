package cn.hulian.server.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every record ever written in a patient's compartment (table {@code hulian_patient_record}), kept when the record is
 * deleted: HAPI's search indexes forget deleted records, a patient's full record history must not.
 */
@Component
class PatientRecordIndex {

	private final JdbcTemplate jdbc;

	PatientRecordIndex(JdbcTemplate jdbc, AuditSchema schemaFirst) {
		this.jdbc = jdbc;
	}

	/** A record in a patient's compartment. */
	record Entry(String patientId, String resourceType, String resourceId) {}

	void addAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				INSERT INTO hulian_patient_record (patient_id, resource_type, resource_id) VALUES (?, ?, ?)
				ON CONFLICT DO NOTHING""", entries, entries.size(), (statement, entry) -> {
			statement.setString(1, entry.patientId());
			statement.setString(2, entry.resourceType());
			statement.setString(3, entry.resourceId());
		});
	}

	/** The records of {@code patientId}'s compartment, as {@code Type/id}, the patient itself included. */
	List<String> records(String patientId) {
		return jdbc.queryForList("""
				SELECT resource_type || '/' || resource_id FROM hulian_patient_record WHERE patient_id = ?
				ORDER BY resource_type, resource_id""", String.class, patientId);
	}
}
