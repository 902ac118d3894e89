package cn.hulian.server.records;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.AutoCreatePlaceholderReferenceTargetRequest;
import ca.uhn.fhir.storage.interceptor.AutoCreatePlaceholderReferenceTargetResponse;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/**
 * A reference to a deleted record never brings it back. HAPI would otherwise fill such a reference with a placeholder
 * stored over the deleted record. A client's write that refers to a deleted record is refused (400); the server's own
 * Provenance of a record deleted since keeps the reference without a search link. Registered for every write, not only the FHIR endpoint's.
 */
@Component
public class DeletedRecordsStayDeleted {

	private final DaoRegistry daoRegistry;

	public DeletedRecordsStayDeleted(DaoRegistry daoRegistry, IInterceptorService interceptors) {
		this.daoRegistry = daoRegistry;
		interceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_PRE_AUTO_CREATE_PLACEHOLDER_REFERENCE)
	public AutoCreatePlaceholderReferenceTargetResponse placeholder(
			AutoCreatePlaceholderReferenceTargetRequest placeholder, RequestDetails request) {
		IIdType target = placeholder.getTargetResourceToCreate().getIdElement();
		if (!target.hasIdPart() || !isDeleted(target)) {
			return AutoCreatePlaceholderReferenceTargetResponse.proceed();
		}
		if (request instanceof ServletRequestDetails) {
			throw new InvalidRequestException("The record refers to " + target.toUnqualifiedVersionless().getValue()
					+ ", which is deleted");
		}
		return AutoCreatePlaceholderReferenceTargetResponse.doNotCreateTarget();
	}

	private boolean isDeleted(IIdType target) {
		try {
			IBaseResource stored = daoRegistry.getResourceDao(target.getResourceType())
					.read(target.toUnqualifiedVersionless(), new SystemRequestDetails(), true);
			return ResourceMetadataKeyEnum.DELETED_AT.get(stored) != null;
		} catch (ResourceNotFoundException neverStored) {
			return false;
		}
	}
}
