package cn.hulian.server.onlinecare;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
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

	/** {@code transaction}: the other entries of the bundle {@code resource} arrives in, if any. */
	public boolean isPartOfOnlineCare(IBaseResource resource, TransactionEntries transaction) {
		if (resource instanceof Encounter encounter) {
			return OnlineEncounters.isOnline(encounter);
		}
		if (resource instanceof MedicationRequest prescription) {
			return onlineEncounters.isOnlineEncounter(prescription.getEncounter(), transaction);
		}
		if (resource instanceof Task task) {
			return isPrescriptionReview(task, transaction)
					&& (onlineEncounters.isOnlineEncounter(task.getEncounter(), transaction)
							|| onlineEncounters.isOnlinePrescription(task.getFocus(), transaction));
		}
		if (resource instanceof MedicationDispense dispense) {
			return onlineEncounters.isOnlineEncounter(dispense.getContext(), transaction)
					|| dispense.getAuthorizingPrescription().stream()
							.anyMatch(prescription -> onlineEncounters.isOnlinePrescription(prescription, transaction));
		}
		if (resource instanceof Claim claim) {
			return claim.getItem().stream()
							.flatMap(item -> item.getEncounter().stream())
							.anyMatch(encounter -> onlineEncounters.isOnlineEncounter(encounter, transaction))
					|| onlineEncounters.isOnlinePrescription(claim.getPrescription(), transaction);
		}
		return false;
	}

	/** Called for every resource about to be written, so that what is remembered about it stays true. */
	public void resourceWritten(IBaseResource resource) {
		onlineEncounters.forget(resource);
	}

	/** Only a Task that approves a prescription is a review; other tasks in an online encounter stay plain R4. */
	static boolean isPrescriptionReview(Task task, TransactionEntries transaction) {
		String focusType = transaction.find(task.getFocus())
				.map(Resource::fhirType)
				.orElse(task.getFocus().getReferenceElement().getResourceType());
		return task.getCode().getCoding().stream()
						.anyMatch(coding -> TASK_CODES.equals(coding.getSystem()) && "approve".equals(coding.getCode()))
				&& "MedicationRequest".equals(focusType);
	}
}
