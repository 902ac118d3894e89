package cn.hulian.server.validation;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;

/**
 * Which Hulian profile a resource must conform to because it is part of online care, whether or not it declares one:
 * an online encounter (class {@code VR}) must be an internet-hospital encounter, and a prescription issued in one
 * must be an electronic prescription. Other resources are accepted as plain R4.
 */
public class OnlineCareProfilePolicy {

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	static final String INTERNET_ENCOUNTER = "http://hulian.cn/fhir/StructureDefinition/cn-internet-encounter";
	static final String E_PRESCRIPTION = "http://hulian.cn/fhir/StructureDefinition/cn-e-prescription";

	private final DaoRegistry daoRegistry;

	public OnlineCareProfilePolicy(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	/** The profile {@code resource} must conform to, if online care requires one. */
	public Optional<String> requiredProfile(IBaseResource resource) {
		if (resource instanceof Encounter encounter && isOnline(encounter)) {
			return Optional.of(INTERNET_ENCOUNTER);
		}
		if (resource instanceof MedicationRequest prescription && issuedInOnlineEncounter(prescription.getEncounter())) {
			return Optional.of(E_PRESCRIPTION);
		}
		return Optional.empty();
	}

	private static boolean isOnline(Encounter encounter) {
		return ACT_CODE.equals(encounter.getClass_().getSystem()) && "VR".equals(encounter.getClass_().getCode());
	}

	private boolean issuedInOnlineEncounter(Reference encounter) {
		if (!encounter.hasReference() || !"Encounter".equals(encounter.getReferenceElement().getResourceType())) {
			return false;
		}
		try {
			Encounter stored = daoRegistry.getResourceDao(Encounter.class)
					.read(encounter.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			return isOnline(stored);
		} catch (ResourceNotFoundException | ResourceGoneException notStoredYet) {
			// Records arrive in any order: the encounter is checked when it arrives.
			return false;
		}
	}
}
