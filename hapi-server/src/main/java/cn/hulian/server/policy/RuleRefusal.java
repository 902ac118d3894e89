package cn.hulian.server.policy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import cn.hulian.server.i18n.Messages;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a request that breaks regulation rules: 422 with one OperationOutcome issue per violation, "rule id:
 * message (source)" in the client's language, and the offending element. Every refusal is logged in English.
 */
final class RuleRefusal {

	private static final Logger log = LoggerFactory.getLogger(RuleRefusal.class);

	private final String language;
	private final String what;
	private final OperationOutcome outcome = new OperationOutcome();

	/** {@code what}: the refused request or resource, for the log. */
	RuleRefusal(RequestDetails request, String what) {
		this.language = request == null ? null : request.getHeader("Accept-Language");
		this.what = what;
	}

	RuleRefusal add(String ruleId, String source, RuleViolation violation) {
		log.warn("Rule {} refused {} at {}: {}", ruleId, what, violation.path(),
				Messages.get(null, violation.messageKey(), violation.arguments()));
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.BUSINESSRULE)
				.setDiagnostics(ruleId + ": " + Messages.get(language, violation.messageKey(), violation.arguments())
						+ " (" + source + ")")
				.addExpression(violation.path());
		return this;
	}

	void throwIfAny(FhirContext fhirContext) {
		if (outcome.hasIssue()) {
			throw new UnprocessableEntityException(fhirContext, outcome);
		}
	}
}
