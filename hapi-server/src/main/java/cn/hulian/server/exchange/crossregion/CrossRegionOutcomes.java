package cn.hulian.server.exchange.crossregion;

import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/** How an answer says that part of it is missing: an OperationOutcome entry (search mode {@code outcome}). */
final class CrossRegionOutcomes {

	private CrossRegionOutcomes() {}

	static Bundle.BundleEntryComponent warning(String text) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.WARNING)
				.setCode(OperationOutcome.IssueType.INCOMPLETE)
				.setDiagnostics(text);
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent()
				.setFullUrl("urn:uuid:" + UUID.randomUUID())
				.setResource(outcome);
		entry.getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
		return entry;
	}
}
