package cn.hulian.server.audit;

import cn.hulian.server.security.Caller;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One audited interaction, what an AuditEvent records.
 *
 * @param subtype       the FHIR RESTful interaction (http://hl7.org/fhir/restful-interaction), e.g. read
 * @param operation     the operation name for extended operations (e.g. $everything), else empty
 * @param action        C, R, U, D or E
 * @param outcome       0 success, 4 minor failure (refused), 8 serious failure (server fault)
 * @param outcomeText   why it failed, empty on success
 * @param caller        who, when authenticated
 * @param remoteAddress the client's network address
 * @param query         the request path and query
 * @param purposeOfUse  the stated purposes of use (v3-ActReason codes)
 * @param glassBroken   whether a patient's sharing directive was overridden
 * @param patients      the patients concerned (Patient/id)
 * @param records       the records concerned, versioned where known (Type/id/_history/v)
 * @param recorded      when
 */
record Interaction(
		String subtype,
		String operation,
		String action,
		int outcome,
		String outcomeText,
		Optional<Caller> caller,
		String remoteAddress,
		String query,
		Set<String> purposeOfUse,
		boolean glassBroken,
		Set<String> patients,
		Set<String> records,
		Instant recorded) {}
