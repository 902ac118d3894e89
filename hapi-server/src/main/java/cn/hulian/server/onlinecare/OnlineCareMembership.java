package cn.hulian.server.onlinecare;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * Whether a resource is part of online care: an online encounter (class {@code VR}), or something that belongs to
 * one: a prescription issued in it, the pharmacist's review of such a prescription, its dispense, a claim for it.
 * The Hulian profiles and the regulation rules apply to these; other records are plain R4.
 */
public class OnlineCareMembership {

	static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";

	private final OnlineEncounters onlineEncounters;

	public OnlineCareMembership(OnlineEncounters onlineEncounters) {
		this.onlineEncounters = onlineEncounters;
	}

	public boolean isPartOfOnlineCare(IBaseResource resource) {
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

	/** Called for every resource about to be written, so that what is remembered about it stays true. */
	public void resourceWritten(IBaseResource resource) {
		onlineEncounters.forget(resource);
	}

	/** Only a Task that approves a prescription is a review; other tasks in an online encounter stay plain R4. */
	static boolean isPrescriptionReview(Task task) {
		return task.getCode().getCoding().stream()
						.anyMatch(coding -> TASK_CODES.equals(coding.getSystem()) && "approve".equals(coding.getCode()))
				&& "MedicationRequest".equals(task.getFocus().getReferenceElement().getResourceType());
	}
}
