package cn.hulian.server.security;

import java.util.Arrays;
import java.util.Optional;

/** What a caller is, from its token's role claim. The role bounds what its scopes can grant. */
public enum Role {
	/** A hospital's HIS: writes its own institution's records. */
	INSTITUTION_SYSTEM("institution-system"),
	CLINICIAN("clinician"),
	PHARMACIST("pharmacist"),
	/** A regional health platform (全民健康信息平台): reads across institutions, as consent allows. */
	REGIONAL_PLATFORM("regional-platform"),
	/** Reads everything, history and AuditEvents included; writes nothing. */
	AUDITOR("auditor"),
	ADMINISTRATOR("administrator"),
	/** A patient (or an app acting for one): sees one patient's compartment. */
	PATIENT("patient"),
	/**
	 * The Hulian server of another region, asking for a patient's records on behalf of one of its clinicians
	 * ({@code Patient/$region-records}, nothing else).
	 */
	REGION_PEER("region-peer");

	private final String claimValue;

	Role(String claimValue) {
		this.claimValue = claimValue;
	}

	public String claimValue() {
		return claimValue;
	}

	public static Optional<Role> fromClaim(String value) {
		return Arrays.stream(values()).filter(role -> role.claimValue.equals(value)).findFirst();
	}

	/** Whether this role treats patients, and so may break the glass in an emergency. */
	public boolean treatsPatients() {
		return this == CLINICIAN || this == INSTITUTION_SYSTEM;
	}

	/**
	 * Whether this role may break the glass: those who treat patients, and a peer region's server relaying its
	 * clinician's emergency (the peer vouches for its clinician, whom it names in the request).
	 */
	public boolean mayBreakTheGlass() {
		return treatsPatients() || this == REGION_PEER;
	}

	/**
	 * Whether this role may ask other regions for a patient's records ({@code Patient/[id]/$cross-region-records}):
	 * those who treat patients, regional platforms and administrators. Not patients, whose tokens are bound to a record
	 * id of this server, nor auditors, who inspect this server's trail.
	 */
	public boolean mayAskOtherRegions() {
		return treatsPatients() || this == REGIONAL_PLATFORM || this == ADMINISTRATOR;
	}

	/** Whether this role oversees the server (audit logs, full record history). */
	public boolean oversees() {
		return this == AUDITOR || this == ADMINISTRATOR;
	}

	/**
	 * Whether this role may bulk-export ({@code $export}): regional platforms, which aggregate for analytics, and
	 * administrators. Institutions, clinicians and patients read record by record; auditors inspect, they do not
	 * extract whole populations.
	 */
	public boolean mayBulkExport() {
		return this == REGIONAL_PLATFORM || this == ADMINISTRATOR;
	}

	/**
	 * Whether this role may look for a person's other records ({@code Patient/$match}): institutions and clinicians
	 * registering a patient, regional platforms running the patient index, administrators. Patients, pharmacists and
	 * auditors may not: matching ranks other people's records.
	 */
	public boolean mayMatchPatients() {
		return this == INSTITUTION_SYSTEM || this == CLINICIAN || this == REGIONAL_PLATFORM || this == ADMINISTRATOR;
	}

	/**
	 * Whether this role may create, read, change and delete Subscriptions: regional platforms, which follow new records
	 * of their region, and administrators. A Subscription's headers may carry a platform's credentials for its receiver.
	 */
	public boolean maySubscribe() {
		return this == REGIONAL_PLATFORM || this == ADMINISTRATOR;
	}

	/** Whether patients' sharing directives limit what this role reads: not for overseers, nor for patients. */
	public boolean boundBySharingDirectives() {
		return !oversees() && this != PATIENT;
	}
}
