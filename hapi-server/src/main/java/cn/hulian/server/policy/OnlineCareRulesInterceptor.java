package cn.hulian.server.policy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.onlinecare.OnlineCareMembership;
import cn.hulian.server.onlinecare.TransactionEntries;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Runs the enabled regulation rules on every resource of online care just before its write commits. In a transaction
 * bundle HAPI calls this after all entries are stored and their references resolved, so a rule sees the other
 * entries (a prescription and the diagnosis it depends on may arrive together). A violation is answered with 422 and
 * one issue per violation naming the rule id and the element; the database transaction is rolled back, so nothing of
 * the request is stored. Each rejection is logged.
 */
@Interceptor
public class OnlineCareRulesInterceptor implements FhirServerInterceptor {

	private final FhirContext fhirContext;
	private final List<OnlineCareRule> rules;
	private final OnlineCareMembership onlineCare;

	public OnlineCareRulesInterceptor(
			FhirContext fhirContext, List<OnlineCareRule> rules, PolicyProperties properties, OnlineCareMembership onlineCare) {
		this.fhirContext = fhirContext;
		this.rules = rules.stream().filter(rule -> properties.isEnabled(rule.id())).toList();
		this.onlineCare = onlineCare;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void beforeCreateCommits(IBaseResource resource, RequestDetails request) {
		enforce(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void beforeUpdateCommits(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		enforce(resource, request);
	}

	private void enforce(IBaseResource resource, RequestDetails request) {
		if (rules.isEmpty() || !onlineCare.isPartOfOnlineCare(resource, TransactionEntries.NONE)) {
			return;
		}
		RuleRefusal refusal = new RuleRefusal(request, resource.getIdElement().toUnqualifiedVersionless().getValue());
		for (OnlineCareRule rule : rules) {
			rule.check(resource).forEach(violation -> refusal.add(rule.id(), rule.source(), violation));
		}
		refusal.throwIfAny(fhirContext);
	}
}
