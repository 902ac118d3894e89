package cn.hulian.server.security;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.records.PatientCompartment;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * What a caller may do, from its role and SMART scopes, enforced by HAPI's {@link AuthorizationInterceptor} on every
 * request, transaction entry and returned resource:
 * <ul>
 *   <li>each scope allows its interactions on its resource type; {@code patient/} scopes only inside the token's
 *       patient compartment, and the Binaries that are the content of the patient's records;</li>
 *   <li>auditors read everything and write nothing, whatever their scopes say;</li>
 *   <li>AuditEvents are read by auditors and administrators only (no client writes them either: see
 *       {@code audit.AuditEventsAreImmutable});</li>
 *   <li>{@code $expunge} is for administrators; record history and audit-chain checks for those who oversee;</li>
 *   <li>bulk export ({@code $export}) is for regional platforms and administrators, of the types their scopes read
 *       (polling and downloading are further limited to the requester: {@code bulkexport});</li>
 *   <li>a peer region's server may ask for a patient's records ({@code Patient/$region-records}) and nothing else;
 *       asking peers ({@code $cross-region-records}) is for the roles {@link Role#mayAskOtherRegions()} names
 *       ({@code exchange.crossregion});</li>
 *   <li>patient matching ({@code Patient/$match}) is for institutions, clinicians, regional platforms and
 *       administrators whose system or user scopes search Patients;</li>
 *   <li>Subscriptions are read and written by regional platforms and administrators only, as their scopes allow.</li>
 * </ul>
 * Anything not allowed is refused with 403.
 */
@Component
class ScopeAuthorizationInterceptor extends AuthorizationInterceptor implements FhirServerInterceptor {

	private static final String AUDIT_EVENT = "AuditEvent";
	private static final String BULK_EXPORT = "$export";
	private static final String REGION_RECORDS = "$region-records";
	private static final String CROSS_REGION_RECORDS = "$cross-region-records";
	private static final String BINARY = "Binary";
	private static final String SUBSCRIPTION = "Subscription";
	private static final List<String> TERMINOLOGY_OPERATIONS =
			List.of("$lookup", "$validate-code", "$subsumes", "$expand", "$translate", "$validate");

	private final PatientCompartment compartment;

	ScopeAuthorizationInterceptor(PatientCompartment compartment) {
		super(PolicyEnum.DENY);
		this.compartment = compartment;
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		RuleBuilder rules = new RuleBuilder();
		rules.allow("capability statement").metadata();
		Optional<Caller> caller = Callers.current();
		if (caller.isEmpty()) {
			return rules.build();
		}
		Role role = caller.get().role();
		if (role == Role.REGION_PEER) {
			// Whatever its scopes say: what the holder shows it is filtered by sharing directives inside the operation.
			rules.allow("records for a peer region").operation().named(REGION_RECORDS).onType(Patient.class)
					.andAllowAllResponses();
			return rules.build();
		}
		if (!role.oversees()) {
			rules.deny("the access log is for auditors").read().resourcesOfType(AUDIT_EVENT).withAnyId();
		}
		if (!role.maySubscribe()) {
			String name = "subscriptions are for regional platforms";
			rules.deny(name).read().resourcesOfType(SUBSCRIPTION).withAnyId();
			rules.deny(name).write().resourcesOfType(SUBSCRIPTION).withAnyId();
			rules.deny(name).delete().resourcesOfType(SUBSCRIPTION).withAnyId();
		}
		if (role.mayBulkExport()) {
			allowBulkExport(rules, caller.get());
		}
		if (role.mayMatchPatients() && searchesPatients(caller.get())) {
			rules.allow("patient matching").operation().named("$match").onType(Patient.class)
					.andRequireExplicitResponseAuthorization();
		}
		if (role == Role.AUDITOR) {
			rules.allow("auditors read everything").read().allResources().withAnyId();
		} else {
			caller.get().scopes().forEach(scope -> allowScope(rules, caller.get(), scope));
			rules.allow("transactions, entry by entry").transaction().withAnyOperation().andApplyNormalRules();
			rules.allow("patch, checked as an update").patch().allRequests();
		}
		if (role.oversees()) {
			rules.allow("full record history").operation().named("$record-history").onInstancesOfType(Patient.class)
					.andAllowAllResponses();
			rules.allow("audit chain check").operation().named("$verify-chain").onType(AuditEvent.class)
					.andAllowAllResponses();
		}
		if (role == Role.ADMINISTRATOR) {
			rules.allow("expunge").operation().named("$expunge").atAnyLevel().andAllowAllResponses();
		}
		rules.allow("a patient's record").operation().named("$everything").onInstancesOfType(Patient.class)
				.andRequireExplicitResponseAuthorization();
		if (role.mayAskOtherRegions()) {
			rules.allow("a patient's records in other regions").operation().named(CROSS_REGION_RECORDS)
					.onInstancesOfType(Patient.class).andRequireExplicitResponseAuthorization();
		}
		TERMINOLOGY_OPERATIONS.forEach(operation ->
				rules.allow("terminology and validation").operation().named(operation).atAnyLevel().andAllowAllResponses());
		return rules.build();
	}

	/**
	 * Bulk export of the types the caller's system or user scopes read. The type check runs when HAPI starts the job;
	 * it comes before the operation rules, which would otherwise allow the job too.
	 */
	private static void allowBulkExport(RuleBuilder rules, Caller caller) {
		List<SmartScope> reads = caller.scopes().stream()
				.filter(scope -> scope.context() != SmartScope.Context.PATIENT && scope.allows('r'))
				.toList();
		if (reads.isEmpty()) {
			return;
		}
		String name = "bulk export of the types the scopes read";
		if (reads.stream().anyMatch(scope -> scope.resourceType() == null)) {
			rules.allow(name).bulkExport().any();
		} else {
			rules.allow(name).bulkExport().any().withResourceTypes(reads.stream().map(SmartScope::resourceType).toList());
		}
		rules.allow("system bulk export").operation().named(BULK_EXPORT).onServer().andAllowAllResponses();
		rules.allow("patient bulk export").operation().named(BULK_EXPORT).onType(Patient.class).andAllowAllResponses();
		rules.allow("patient bulk export").operation().named(BULK_EXPORT).onInstancesOfType(Patient.class)
				.andAllowAllResponses();
		rules.allow("group bulk export").operation().named(BULK_EXPORT).onInstancesOfType(Group.class)
				.andAllowAllResponses();
		rules.allow("bulk export status").operation().named("$export-poll-status").onServer().andAllowAllResponses();
	}

	private static boolean searchesPatients(Caller caller) {
		return caller.scopes().stream().anyMatch(scope -> scope.context() != SmartScope.Context.PATIENT
				&& scope.allows('s') && (scope.resourceType() == null || "Patient".equals(scope.resourceType())));
	}

	private void allowScope(RuleBuilder rules, Caller caller, SmartScope scope) {
		boolean patientScope = scope.context() == SmartScope.Context.PATIENT;
		if ((patientScope && !caller.hasPatientContext()) || (caller.role() == Role.PATIENT && !patientScope)) {
			return;
		}
		String name = "scope " + scope;
		if (scope.allows('r') || scope.allows('s')) {
			restrict(rules.allow(name).read(), scope, caller);
			if (patientScope && (scope.resourceType() == null || BINARY.equals(scope.resourceType()))) {
				rules.allow(name + ": the patient's documents").read().resourcesOfType(BINARY).withAnyId()
						.withTester(new PatientDocumentContent(compartment, caller.patientId()));
			}
		}
		if (scope.allows('u')) {
			restrict(rules.allow(name).write(), scope, caller);
		} else if (scope.allows('c')) {
			restrict(rules.allow(name).create(), scope, caller);
		}
		if (scope.allows('d')) {
			restrict(rules.allow(name).delete(), scope, caller);
		}
	}

	private static void restrict(IAuthRuleBuilderRuleOp operation, SmartScope scope, Caller caller) {
		IAuthRuleBuilderRuleOpClassifier target = scope.resourceType() == null
				? operation.allResources()
				: operation.resourcesOfType(scope.resourceType());
		if (scope.context() == SmartScope.Context.PATIENT) {
			target.inCompartment("Patient", new IdType("Patient", caller.patientId()));
		} else {
			target.withAnyId();
		}
	}

	@Override
	protected void handleDeny(RequestDetails request, Verdict decision) {
		Caller caller = Callers.current().orElse(null);
		String role = caller == null ? "-" : caller.role().claimValue();
		String scopes = caller == null ? "-" : String.join(" ", caller.scopes().stream().map(SmartScope::toString).toList());
		throw new ForbiddenOperationException(Messages.get(request.getHeader("Accept-Language"), "security.not-allowed",
				request.getRestOperationType(), role, scopes));
	}
}
