package cn.hulian.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;

/**
 * No client creates, changes, deletes or expunges an AuditEvent, whatever its role: 405 with an OperationOutcome,
 * whether asked directly or as an entry of a transaction. The server records them in {@link AuditEventStore}.
 */
@Component
class AuditEventsAreImmutable implements FhirServerInterceptor {

	private static final String AUDIT_EVENT = "AuditEvent";
	private static final Set<String> CHANGING_OPERATIONS = Set.of("$expunge", "$meta-add", "$meta-delete");
	private static final Set<RequestTypeEnum> CHANGING_METHODS =
			Set.of(RequestTypeEnum.POST, RequestTypeEnum.PUT, RequestTypeEnum.PATCH, RequestTypeEnum.DELETE);

	/** Before HAPI looks for a method to handle it: {@link AuditEventProvider} has none, which would be a 400. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
	public void refuseChangingRequests(RequestDetails request) {
		if (!AUDIT_EVENT.equals(request.getResourceName())) {
			return;
		}
		String operation = request.getOperation();
		boolean changes = operation == null
				? CHANGING_METHODS.contains(request.getRequestType())
				: CHANGING_OPERATIONS.contains(operation);
		if (changes) {
			refuse(request);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void refuseCreate(RequestDetails request, IBaseResource resource) {
		refuseIfAuditEvent(request, resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void refuseUpdate(RequestDetails request, IBaseResource previous, IBaseResource resource) {
		refuseIfAuditEvent(request, previous);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void refuseDelete(RequestDetails request, IBaseResource resource) {
		refuseIfAuditEvent(request, resource);
	}

	private static void refuseIfAuditEvent(RequestDetails request, IBaseResource resource) {
		if (resource instanceof AuditEvent) {
			refuse(request);
		}
	}

	private static void refuse(RequestDetails request) {
		throw new MethodNotAllowedException(Messages.get(request.getHeader("Accept-Language"), "audit.immutable"));
	}
}
