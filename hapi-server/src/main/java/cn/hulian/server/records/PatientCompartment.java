package cn.hulian.server.records;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/** Which patients a record is about: the owners of the Patient compartments it belongs to (FHIR R4 definitions). */
@Component
public class PatientCompartment {

	private final FhirContext fhirContext;

	public PatientCompartment(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	/** The patient ids (id part only) whose compartment {@code resource} is in; a Patient is in its own. */
	public Set<String> patientIds(IBaseResource resource) {
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
