package cn.hulian.server.records;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * The records a Binary is the content of, so that it is protected as they are (HAPI gives Binary no patient
 * compartment): the record its {@code securityContext} references (a DocumentReference, or the Patient itself), else
 * the DocumentReferences whose {@code content.attachment.url} is {@code Binary/[id]}, as an IHE MHD submission leaves
 * them. Read with the server's own rights: the caller's rights are checked on the Binary, not here.
 */
class BinaryContext {

	static final String ATTACHMENT_URL = "location";

	private final DaoRegistry daoRegistry;

	BinaryContext(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	List<IBaseResource> recordsOf(Binary binary) {
		IIdType context = binary.getSecurityContext().getReferenceElement();
		if (context.hasResourceType() && context.hasIdPart() && !"Binary".equals(context.getResourceType())) {
			return read(context);
		}
		if (!binary.getIdElement().hasIdPart()) {
			return List.of();
		}
		SearchParameterMap pointingHere = SearchParameterMap.newSynchronous()
				.add(ATTACHMENT_URL, new UriParam("Binary/" + binary.getIdElement().getIdPart()));
		return daoRegistry.getResourceDao(DocumentReference.class)
				.searchForResources(pointingHere, new SystemRequestDetails()).stream()
				.map(IBaseResource.class::cast)
				.toList();
	}

	private List<IBaseResource> read(IIdType id) {
		if (!daoRegistry.isResourceTypeSupported(id.getResourceType())) {
			return List.of();
		}
		try {
			IBaseResource record = daoRegistry.getResourceDao(id.getResourceType())
					.read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
			return List.of(record);
		} catch (ResourceNotFoundException | ResourceGoneException notStored) {
			return List.of();
		}
	}
}
