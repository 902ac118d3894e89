package cn.hulian.server.records;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Binary;
import org.springframework.stereotype.Component;

/**
 * Which patients a record is about: the owners of the Patient compartments it belongs to (FHIR R4 definitions). A
 * Binary, in no compartment, is about the patients of the records it is the content of ({@link BinaryContext}), so
 * that sharing directives and the audit trail treat an uploaded document's bytes as they treat the document.
 */
@Component
public class PatientCompartment {

	private final FhirContext fhirContext;
	private final BinaryContext binaryContext;

	public PatientCompartment(FhirContext fhirContext, DaoRegistry daoRegistry) {
		this.fhirContext = fhirContext;
		this.binaryContext = new BinaryContext(daoRegistry);
	}

	/**
	 * The patient ids (id part only) whose compartment {@code resource} is in; a Patient is in its own; for a Binary,
	 * those of the records it is the content of.
	 */
	public Set<String> patientIds(IBaseResource resource) {
		if (resource instanceof Binary binary) {
			return binaryContext.recordsOf(binary).stream()
					.flatMap(record -> compartmentOwners(record).stream())
					.collect(Collectors.toUnmodifiableSet());
		}
		return compartmentOwners(resource);
	}

	private Set<String> compartmentOwners(IBaseResource resource) {
		String type = fhirContext.getResourceType(resource);
		if ("Patient".equals(type)) {
			return resource.getIdElement().hasIdPart() ? Set.of(resource.getIdElement().getIdPart()) : Set.of();
		}
		if (fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty()) {
			return Set.of();
		}
		FhirTerser terser = fhirContext.newTerser();
		List<IIdType> owners = terser.getCompartmentOwnersForResource("Patient", resource, Set.<String>of());
		return owners.stream()
				.filter(owner -> "Patient".equals(owner.getResourceType()) && owner.hasIdPart())
				.map(IIdType::getIdPart)
				.collect(Collectors.toUnmodifiableSet());
	}
}
