package cn.hulian.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;

/**
 * No client creates, changes, deletes or expunges an AuditEvent, whatever its role: 405 with an OperationOutcome.
 * The server's own audit writer stores them without going through the FHIR endpoint.
 */
@Component
class AuditEventsAreImmutable implements FhirServerInterceptor {

	private static final String AUDIT_EVENT = "AuditEvent";
	private static final Set<String> CHANGING_OPERATIONS = Set.of("$expunge", "$meta-add", "$meta-delete");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void refuseChangingOperations(RequestDetails request) {
		if (AUDIT_EVENT.equals(request.getResourceName()) && request.getOperation() != null
				&& CHANGING_OPERATIONS.contains(request.getOperation())) {
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
