package cn.hulian.server.policy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.onlinecare.OnlineCareMembership;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enabled regulation rules on every resource of online care before it is stored, in a transaction too (the
 * whole transaction then fails). A violation is answered with 422 and one issue per violation naming the rule id
 * and the element; nothing of the request is stored. Each rejection is logged.
 */
@Interceptor
public class OnlineCareRulesInterceptor implements FhirServerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(OnlineCareRulesInterceptor.class);
	/** After profile validation (default order 0), so rules see resources of the expected shape. */
	private static final int AFTER_PROFILE_VALIDATION = 100;

	private final FhirContext fhirContext;
	private final List<OnlineCareRule> rules;
	private final OnlineCareMembership onlineCare;

	public OnlineCareRulesInterceptor(
			FhirContext fhirContext, List<OnlineCareRule> rules, PolicyProperties properties, OnlineCareMembership onlineCare) {
		this.fhirContext = fhirContext;
		this.rules = rules.stream().filter(rule -> properties.isEnabled(rule.id())).toList();
		this.onlineCare = onlineCare;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = AFTER_PROFILE_VALIDATION)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		enforce(resource, request);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = AFTER_PROFILE_VALIDATION)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		enforce(resource, request);
	}

	private void enforce(IBaseResource resource, RequestDetails request) {
		if (rules.isEmpty() || !onlineCare.isPartOfOnlineCare(resource)) {
			return;
		}
		String language = request == null ? null : request.getHeader("Accept-Language");
		OperationOutcome outcome = new OperationOutcome();
		for (OnlineCareRule rule : rules) {
			for (RuleViolation violation : rule.check(resource)) {
				log.warn("Rule {} refused {} at {}: {}", rule.id(), resource.fhirType(), violation.path(),
						Messages.get(null, violation.messageKey(), violation.arguments()));
				outcome.addIssue()
						.setSeverity(OperationOutcome.IssueSeverity.ERROR)
						.setCode(OperationOutcome.IssueType.BUSINESSRULE)
						.setDiagnostics(rule.id() + ": " + Messages.get(language, violation.messageKey(), violation.arguments())
								+ " (" + rule.source() + ")")
						.addExpression(violation.path());
			}
		}
		if (outcome.hasIssue()) {
			throw new UnprocessableEntityException(fhirContext, outcome);
		}
	}
}
