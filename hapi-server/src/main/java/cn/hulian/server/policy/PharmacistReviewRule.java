package cn.hulian.server.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * An online prescription takes effect only after a pharmacist approves it: it becomes active (or completed) only with
 * an approving review, and nothing is dispensed on it before that. A rejected prescription stays blocked for good; the
 * physician issues a new one. A prescription returned for changes needs a new approving review.
 */
@Component
public class PharmacistReviewRule implements OnlineCareRule {

	private static final Set<MedicationRequest.MedicationRequestStatus> IN_EFFECT =
			Set.of(MedicationRequest.MedicationRequestStatus.ACTIVE, MedicationRequest.MedicationRequestStatus.COMPLETED);
	private static final Set<MedicationDispense.MedicationDispenseStatus> NOT_DISPENSED = Set.of(
			MedicationDispense.MedicationDispenseStatus.CANCELLED,
			MedicationDispense.MedicationDispenseStatus.DECLINED,
			MedicationDispense.MedicationDispenseStatus.ENTEREDINERROR);

	private final PrescriptionReviews reviews;

	public PharmacistReviewRule(PrescriptionReviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public String id() {
		return "IH-RX-REVIEW-004";
	}

	@Override
	public String source() {
		return "互联网诊疗管理办法（试行）2018 第十九条; 医疗机构处方审核规范 2018";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (resource instanceof MedicationRequest prescription && IN_EFFECT.contains(prescription.getStatus())) {
			String id = prescription.getIdElement().toUnqualifiedVersionless().getValue();
			return violation(reviews.outcomeFor(id), "MedicationRequest.status", id).stream().toList();
		}
		if (resource instanceof MedicationDispense dispense && !NOT_DISPENSED.contains(dispense.getStatus())) {
			List<RuleViolation> violations = new ArrayList<>();
			List<Reference> prescriptions = dispense.getAuthorizingPrescription();
			for (int i = 0; i < prescriptions.size(); i++) {
				String id = prescriptions.get(i).getReferenceElement().toUnqualifiedVersionless().getValue();
				violation(reviews.outcomeFor(id), "MedicationDispense.authorizingPrescription[" + i + "]", id)
						.ifPresent(violations::add);
			}
			return violations;
		}
		return List.of();
	}

	private static Optional<RuleViolation> violation(PrescriptionReviews.Outcome outcome, String path, String id) {
		return switch (outcome) {
			case APPROVED -> Optional.empty();
			case REJECTED -> Optional.of(new RuleViolation(path, "policy.prescription-rejected", id));
			case NOT_APPROVED -> Optional.of(new RuleViolation(path, "policy.prescription-not-approved", id));
		};
	}
}
