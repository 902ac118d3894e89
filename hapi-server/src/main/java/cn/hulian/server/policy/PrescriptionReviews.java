package cn.hulian.server.policy;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import cn.hulian.server.onlinecare.StoredRecords;
import java.util.List;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/** What pharmacists decided about a prescription: its review Tasks (code {@code approve}, focus the prescription). */
@Component
public class PrescriptionReviews {

	static final String TASK_CODES = "http://hl7.org/fhir/CodeSystem/task-code";
	static final String REVIEW_OUTCOMES = "http://hulian.cn/fhir/CodeSystem/prescription-review-outcome";

	/** A prescription's standing: rejected for good, approved, or still waiting for an approving review. */
	public enum Outcome {
		REJECTED,
		APPROVED,
		NOT_APPROVED
	}

	private final StoredRecords records;

	public PrescriptionReviews(StoredRecords records) {
		this.records = records;
	}

	/** {@code prescriptionId}: e.g. {@code MedicationRequest/123}. A rejection outweighs any approval. */
	public Outcome outcomeFor(String prescriptionId) {
		SearchParameterMap reviewsOfThePrescription = new SearchParameterMap()
				.add(Task.SP_FOCUS, new ReferenceParam(prescriptionId))
				.add(Task.SP_CODE, new TokenParam(TASK_CODES, "approve"))
				.add(Task.SP_STATUS, new TokenParam(Task.TaskStatus.COMPLETED.toCode()));
		List<Task> completed = records.search(Task.class, reviewsOfThePrescription);
		if (completed.stream().anyMatch(review -> hasOutcome(review, "rejected"))) {
			return Outcome.REJECTED;
		}
		return completed.stream().anyMatch(review -> hasOutcome(review, "approved")) ? Outcome.APPROVED : Outcome.NOT_APPROVED;
	}

	private static boolean hasOutcome(Task review, String outcome) {
		return review.getBusinessStatus().getCoding().stream()
				.anyMatch(coding -> REVIEW_OUTCOMES.equals(coding.getSystem()) && outcome.equals(coding.getCode()));
	}
}
