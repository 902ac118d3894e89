package cn.hulian.server.onlinecare;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.HapiExtensions;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Reads the records that a record being written refers to, through HAPI's DAOs. Called inside the write's database
 * transaction (as the regulation rules are, just before it commits), what it reads includes the other entries of the
 * same transaction bundle, their references already resolved.
 */
@Component
public class StoredRecords {

	private final FhirContext fhirContext;
	private final DaoRegistry daoRegistry;

	public StoredRecords(FhirContext fhirContext, DaoRegistry daoRegistry) {
		this.fhirContext = fhirContext;
		this.daoRegistry = daoRegistry;
	}

	/**
	 * The stored resource {@code reference} points to, if it is of {@code type}; empty when it is another type, not
	 * stored, deleted, or only a placeholder for a record not yet sent.
	 */
	public <T extends IBaseResource> Optional<T> resolve(Reference reference, Class<T> type) {
		IIdType id = reference.getReferenceElement();
		String typeName = fhirContext.getResourceType(type);
		if (!reference.hasReference() || !typeName.equals(id.getResourceType()) || !id.hasIdPart()) {
			return Optional.empty();
		}
		try {
			T resource = daoRegistry.getResourceDao(type)
					.read(new IdType(typeName, id.getIdPart()), new SystemRequestDetails());
			return isPlaceholder(resource) ? Optional.empty() : Optional.of(resource);
		} catch (ResourceNotFoundException | ResourceGoneException notStored) {
			return Optional.empty();
		}
	}

	/** The stored resources of {@code type} that match {@code parameters}. */
	public <T extends IBaseResource> List<T> search(Class<T> type, SearchParameterMap parameters) {
		parameters.setLoadSynchronous(true);
		return daoRegistry.getResourceDao(type).searchForResources(parameters, new SystemRequestDetails());
	}

	private static boolean isPlaceholder(IBaseResource resource) {
		return resource instanceof DomainResource domain && domain.hasExtension(HapiExtensions.EXT_RESOURCE_PLACEHOLDER);
	}
}
