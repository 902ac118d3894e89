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
	PATIENT("patient");

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
