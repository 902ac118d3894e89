package cn.hulian.server.validation;

import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Which Hulian profile a resource must conform to because it is part of online care, whether or not it declares one.
 * A resource is part of online care when it is an online encounter (class {@code VR}) or belongs to one: a
 * prescription issued in it, the pharmacist's review of such a prescription, its dispense, a claim for it. The
 * profile for each resource type is configured ({@code hulian.validation.online-care.profiles}); other resources are
 * accepted as plain R4.
 */
public class OnlineCareProfilePolicy {

	static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";

	private final Map<String, String> profilesByType;
	private final OnlineEncounters onlineEncounters;

	public OnlineCareProfilePolicy(Map<String, String> profilesByType, OnlineEncounters onlineEncounters) {
		this.profilesByType = profilesByType;
		this.onlineEncounters = onlineEncounters;
	}

	/** The profile {@code resource} must conform to, if online care requires one. */
	public Optional<String> requiredProfile(IBaseResource resource) {
		String profile = profilesByType.get(resource.fhirType());
		if (profile == null || profile.isBlank() || !isPartOfOnlineCare(resource)) {
			return Optional.empty();
		}
		return Optional.of(profile);
	}

	/** Called for every resource about to be written, so that what is remembered about it stays true. */
	public void resourceWritten(IBaseResource resource) {
		onlineEncounters.forget(resource);
	}

	private boolean isPartOfOnlineCare(IBaseResource resource) {
		if (resource instanceof Encounter encounter) {
			return OnlineEncounters.isOnline(encounter);
		}
		if (resource instanceof MedicationRequest prescription) {
			return onlineEncounters.isOnlineEncounter(prescription.getEncounter());
		}
		if (resource instanceof Task task) {
			return isPrescriptionReview(task)
					&& (onlineEncounters.isOnlineEncounter(task.getEncounter())
							|| onlineEncounters.isOnlinePrescription(task.getFocus()));
		}
		if (resource instanceof MedicationDispense dispense) {
			return onlineEncounters.isOnlineEncounter(dispense.getContext())
					|| dispense.getAuthorizingPrescription().stream().anyMatch(onlineEncounters::isOnlinePrescription);
		}
		if (resource instanceof Claim claim) {
			return claim.getItem().stream()
							.flatMap(item -> item.getEncounter().stream())
							.anyMatch(onlineEncounters::isOnlineEncounter)
					|| onlineEncounters.isOnlinePrescription(claim.getPrescription());
		}
		return false;
	}

	/** Only a Task that approves a prescription is a review; other tasks in an online encounter stay plain R4. */
	private static boolean isPrescriptionReview(Task task) {
		return task.getCode().getCoding().stream()
						.anyMatch(coding -> TASK_CODES.equals(coding.getSystem()) && "approve".equals(coding.getCode()))
				&& "MedicationRequest".equals(task.getFocus().getReferenceElement().getResourceType());
	}
}
