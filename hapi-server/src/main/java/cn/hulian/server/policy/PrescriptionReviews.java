package cn.hulian.server.policy;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import cn.hulian.server.database.TransactionScoped;
import cn.hulian.server.onlinecare.StoredRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

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

	/**
	 * {@code prescriptionId}: e.g. {@code MedicationRequest/123}. A rejection outweighs any approval. Within one
	 * database transaction a prescription's reviews are looked up once: the rules that ask (the prescription's, its
	 * dispense's, its claim's) run after every entry of the transaction is stored, so the answer cannot change.
	 */
	public Outcome outcomeFor(String prescriptionId) {
		return TransactionScoped.get(KnownOutcomes.class, KnownOutcomes::new)
				.map(known -> known.outcomes.computeIfAbsent(prescriptionId, this::lookUp))
				.orElseGet(() -> lookUp(prescriptionId));
	}

	private Outcome lookUp(String prescriptionId) {
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

	/** The outcomes looked up in one database transaction. */
	private static final class KnownOutcomes implements TransactionSynchronization {
		final Map<String, Outcome> outcomes = new HashMap<>();
	}
}
