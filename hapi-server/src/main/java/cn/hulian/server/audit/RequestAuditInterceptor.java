package cn.hulian.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.consent.PurposeOfUse;
import cn.hulian.server.database.DatabaseUnavailableException;
import cn.hulian.server.records.PatientCompartment;
import cn.hulian.server.records.SourceInstitution;
import cn.hulian.server.security.AuthenticationRefused;
import cn.hulian.server.security.Callers;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records an AuditEvent for every interaction with the FHIR endpoint, successful or refused, and a Provenance for
 * every create and update:
 * <ul>
 *   <li>writes are recorded just before they commit, in the same database transaction (one event per written
 *       record, transaction entries included), so a stored write always has its audit and its Provenance;</li>
 *   <li>reads, searches, history and operations are recorded when the answer is ready, with the records and
 *       patients it showed;</li>
 *   <li>refused requests (4xx) and failures (5xx) are recorded with the reason, and so are refused tokens (401).</li>
 * </ul>
 * A read's AuditEvent is one insert into {@link AuditEventStore} on the request path; a transaction's AuditEvents and
 * Provenances are stored together just before it commits ({@link WritesOfOneTransaction}).
 */
@Component
class RequestAuditInterceptor implements FhirServerInterceptor {

	private static final String SEEN = "hulian.audit.seen";
	private static final String WRITES_RECORDED = "hulian.audit.writes-recorded";
	/** After the consent interceptor has withheld what the caller may not see. */
	private static final int AFTER_CONSENT = 1000;

	private final AuditEventStore auditEvents;
	private final ProvenanceOutbox provenances;
	private final PatientRecordIndex patientRecords;
	private final PatientCompartment compartment;
	private final Clock clock;

	RequestAuditInterceptor(AuditEventStore auditEvents, ProvenanceOutbox provenances,
			PatientRecordIndex patientRecords, PatientCompartment compartment) {
		this.auditEvents = auditEvents;
		this.provenances = provenances;
		this.patientRecords = patientRecords;
		this.compartment = compartment;
		this.clock = Clock.systemUTC();
	}

	@Hook(value = Pointcut.STORAGE_PRESHOW_RESOURCES, order = AFTER_CONSENT)
	public void resourcesShown(IPreResourceShowDetails shown, RequestDetails request) {
		Seen seen = seen(request);
		for (int i = 0; i < shown.size(); i++) {
			IBaseResource resource = shown.getResource(i);
			if (resource != null && resource.getIdElement().hasIdPart()) {
				seen.records.add(resource.getIdElement().toUnqualified().getValue());
				compartment.patientIds(resource).forEach(patient -> seen.patients.add("Patient/" + patient));
			}
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(RequestDetails request, IBaseResource resource) {
		recordWrite(request, resource, "create", "C");
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		recordWrite(request, resource, "update", "U");
	}

	/** Before HAPI's subscription matcher, which sets the deleted record's id back to one without the new version. */
	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, order = -1)
	public void deleted(RequestDetails request, IBaseResource resource) {
		recordWrite(request, resource, "delete", "D");
	}

	/**
	 * Recorded before the answer is written, after authorization and consent have checked it: if the audit record
	 * cannot be stored, the client gets an error instead of the records.
	 */
	@Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = AFTER_CONSENT)
	public boolean answering(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		// The CapabilityStatement is public and holds no records.
		if (operation == RestOperationTypeEnum.METADATA
				|| (isPlainWrite(operation) && request.getUserData().containsKey(WRITES_RECORDED))) {
			return true;
		}
		Seen seen = seen(request);
		auditEvents.add(AuditEvents.of(interaction(request, subtype(operation), action(operation), 0, "",
				patientsConcerned(request), seen.records)));
		return true;
	}

	/**
	 * A refused or failed request showed and changed nothing: when its event cannot be stored (the database is what
	 * failed), it goes to the log, and the client still gets the error it was due rather than one about the audit.
	 */
	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	public boolean failed(RequestDetails request, BaseServerResponseException failure) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		int outcome = failure.getStatusCode() >= 500 ? 8 : 4;
		String reason = failure.getStatusCode() + " " + failure.getMessage();
		IIdType target = request.getId();
		Set<String> records = target != null && target.hasIdPart() && target.hasResourceType()
				? Set.of(target.toUnqualified().getValue())
				: Set.of();
		AuditEvent event = AuditEvents.of(interaction(request, subtype(operation), action(operation), outcome, reason,
				patientsConcerned(request), records));
		if (failure instanceof DatabaseUnavailableException) {
			// Storing it would only wait for the connection pool to time out again.
			auditEvents.log(event);
		} else {
			auditEvents.addOrLog(event);
		}
		return true;
	}

	@EventListener
	public void authenticationRefused(AuthenticationRefused refused) {
		auditEvents.addOrLog(AuditEvents.of(new Interaction(refused.method().equals("GET") ? "read" : "operation", "", "E", 4,
				"401 " + refused.reason(), Optional.empty(), refused.remoteAddress(), refused.path(), Set.of(), false,
				Set.of(), Set.of(), clock.instant())));
	}

	private void recordWrite(RequestDetails request, IBaseResource resource, String subtype, String action) {
		IIdType id = resource.getIdElement();
		String version = id.hasVersionIdPart() ? id.getVersionIdPart() : resource.getMeta().getVersionId();
		String versioned = id.toUnqualifiedVersionless().getValue() + (version == null ? "" : "/_history/" + version);
		Set<String> patientIds = compartment.patientIds(resource);
		Set<String> patients = patientIds.stream().map(patient -> "Patient/" + patient).collect(Collectors.toSet());
		WritesOfOneTransaction writes = WritesOfOneTransaction.current(auditEvents, provenances, patientRecords);
		writes.add(AuditEvents.of(interaction(request, subtype, action, 0, "", patients, Set.of(versioned))));
		if (!"D".equals(action)) {
			Provenances.Group group = new Provenances.Group("C".equals(action) ? "CREATE" : "UPDATE", Callers.current(),
					PurposeOfUse.of(request), SourceInstitution.of(resource), patients);
			writes.addProvenanceTarget(group, versioned, clock.instant());
		}
		writes.addPatientRecord(patientIds, id.getResourceType(), id.getIdPart());
		request.getUserData().put(WRITES_RECORDED, Boolean.TRUE);
	}

	private Interaction interaction(RequestDetails request, String subtype, String action, int outcome,
			String outcomeText, Set<String> patients, Set<String> records) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		boolean extended = operation != null && operation.name().startsWith("EXTENDED_OPERATION");
		return new Interaction(subtype, extended ? request.getOperation() : "", action, outcome, outcomeText,
				Callers.current(), remoteAddress(request), isQuery(operation) ? pathAndQuery(request) : "",
				PurposeOfUse.of(request), PurposeOfUse.glassWasBroken(request), patients, records, clock.instant());
	}

	/** What {@code request} showed so far. */
	private static Seen seen(RequestDetails request) {
		return (Seen) request.getUserData().computeIfAbsent(SEEN, key -> new Seen());
	}

	/** The patients of what {@code request} showed, and the patient it addressed (as in {@code Patient/1/$everything}). */
	private static Set<String> patientsConcerned(RequestDetails request) {
		Set<String> patients = new LinkedHashSet<>(seen(request).patients);
		IIdType target = request.getId();
		if (target != null && "Patient".equals(target.getResourceType()) && target.hasIdPart()) {
			patients.add(target.toUnqualifiedVersionless().getValue());
		}
		return patients;
	}

	private static boolean isPlainWrite(RestOperationTypeEnum operation) {
		return operation == RestOperationTypeEnum.CREATE || operation == RestOperationTypeEnum.UPDATE
				|| operation == RestOperationTypeEnum.DELETE || operation == RestOperationTypeEnum.PATCH;
	}

	private static boolean isQuery(RestOperationTypeEnum operation) {
		return operation != null && switch (operation) {
			case SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM,
					EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_SERVER -> true;
			default -> false;
		};
	}

	/** The http://hl7.org/fhir/restful-interaction code. */
	private static String subtype(RestOperationTypeEnum operation) {
		if (operation == null) {
			return "operation";
		}
		return switch (operation) {
			case READ -> "read";
			case VREAD -> "vread";
			case CREATE -> "create";
			case UPDATE -> "update";
			case PATCH -> "patch";
			case DELETE -> "delete";
			case SEARCH_TYPE, GET_PAGE -> "search-type";
			case SEARCH_SYSTEM -> "search-system";
			case HISTORY_INSTANCE -> "history-instance";
			case HISTORY_TYPE -> "history-type";
			case HISTORY_SYSTEM -> "history-system";
			case TRANSACTION -> "transaction";
			case BATCH -> "batch";
			case METADATA -> "capabilities";
			default -> "operation";
		};
	}

	private static String action(RestOperationTypeEnum operation) {
		if (operation == null) {
			return "E";
		}
		return switch (operation) {
			case CREATE -> "C";
			case READ, VREAD, SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM,
					METADATA -> "R";
			case UPDATE, PATCH -> "U";
			case DELETE -> "D";
			default -> "E";
		};
	}

	private static String remoteAddress(RequestDetails request) {
		return request instanceof ServletRequestDetails servlet ? servlet.getServletRequest().getRemoteAddr() : "";
	}

	private static String pathAndQuery(RequestDetails request) {
		if (request instanceof ServletRequestDetails servlet) {
			String query = servlet.getServletRequest().getQueryString();
			return servlet.getServletRequest().getRequestURI() + (query == null ? "" : "?" + query);
		}
		return request.getCompleteUrl();
	}

	/** What a request showed: its records and their patients. */
	private static final class Seen {
		final Set<String> records = new LinkedHashSet<>();
		final Set<String> patients = new LinkedHashSet<>();
	}
}
