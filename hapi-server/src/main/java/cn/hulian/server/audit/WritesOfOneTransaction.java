package cn.hulian.server.audit;

import cn.hulian.server.database.TransactionScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The audit records of the writes of one database transaction, stored together just before it commits: its
 * AuditEvents and patient-index rows in one batch each, and one Provenance per group of records written alike (same
 * activity, author, purpose, source institution and patients) naming every version written, rather than one per record. A
 * 15-entry transaction bundle then costs three batched statements and one or two Provenances, not 45 statements and
 * 15 Provenances stored one by one. Nothing is stored if the transaction rolls back, exactly like the records.
 */
final class WritesOfOneTransaction implements TransactionSynchronization {

	private final boolean untilCommit;
	private final AuditEventStore auditEvents;
	private final ProvenanceOutbox provenances;
	private final PatientRecordIndex patientRecords;
	private final List<AuditEvent> events = new ArrayList<>();
	private final Map<Provenances.Group, Targets> provenanceTargets = new LinkedHashMap<>();
	private final List<PatientRecordIndex.Entry> records = new ArrayList<>();

	private WritesOfOneTransaction(AuditEventStore auditEvents, ProvenanceOutbox provenances,
			PatientRecordIndex patientRecords, boolean untilCommit) {
		this.untilCommit = untilCommit;
		this.auditEvents = auditEvents;
		this.provenances = provenances;
		this.patientRecords = patientRecords;
	}

	/**
	 * The collector of the current transaction, registered with it on first use; without a transaction, one that
	 * stores each record as it is added.
	 */
	static WritesOfOneTransaction current(AuditEventStore auditEvents, ProvenanceOutbox provenances,
			PatientRecordIndex patientRecords) {
		return TransactionScoped.get(WritesOfOneTransaction.class,
						() -> new WritesOfOneTransaction(auditEvents, provenances, patientRecords, true))
				.orElseGet(() -> new WritesOfOneTransaction(auditEvents, provenances, patientRecords, false));
	}

	void add(AuditEvent event) {
		events.add(event);
		storeUnlessUntilCommit();
	}

	void addProvenanceTarget(Provenances.Group group, String versionedTarget, Instant written) {
		provenanceTargets.computeIfAbsent(group, key -> new Targets(written, new ArrayList<>()))
				.versions().add(versionedTarget);
		storeUnlessUntilCommit();
	}

	void addPatientRecord(Set<String> patientIds, String resourceType, String resourceId) {
		patientIds.forEach(patient -> records.add(new PatientRecordIndex.Entry(patient, resourceType, resourceId)));
		storeUnlessUntilCommit();
	}

	private void storeUnlessUntilCommit() {
		if (!untilCommit) {
			beforeCommit(false);
		}
	}

	/** Stores everything collected, inside the transaction: a failure here rolls the writes back. */
	@Override
	public void beforeCommit(boolean readOnly) {
		auditEvents.addAll(events);
		provenanceTargets.forEach((group, targets) ->
				provenances.add(Provenances.of(group, targets.versions(), targets.firstWritten())));
		patientRecords.addAll(records);
		events.clear();
		provenanceTargets.clear();
		records.clear();
	}

	/** The versions written alike, and when the first of them was written. */
	private record Targets(Instant firstWritten, List<String> versions) {}
}
