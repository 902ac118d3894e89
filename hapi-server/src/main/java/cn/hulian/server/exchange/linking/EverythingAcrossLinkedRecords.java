package cn.hulian.server.exchange.linking;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.security.Caller;
import cn.hulian.server.security.Callers;
import cn.hulian.server.security.Role;
import cn.hulian.server.security.SmartScope;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/[id]/$everything} covers the person, not one institution's record of them: the search HAPI runs for
 * the operation is widened from the one Patient to every record linked to it ({@link LinkedPatients}), so it returns
 * the records of all institutions. Everything else stays as for one Patient: each record returned is checked by
 * authorization and left out when a sharing directive withholds it from the caller. Each record carries its source
 * institution (tag {@code source-institution}) and refers to its own institution's Patient, which is in the Bundle.
 * A caller whose reading is bound to one patient's compartment (a patient's app) keeps getting that compartment.
 */
@Component
class EverythingAcrossLinkedRecords implements FhirServerInterceptor {

	private final LinkedPatients linkedPatients;

	EverythingAcrossLinkedRecords(LinkedPatients linkedPatients) {
		this.linkedPatients = linkedPatients;
	}

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void widenToLinkedRecords(RequestDetails request, SearchParameterMap search) {
		if (search.getEverythingMode() != SearchParameterMap.EverythingModeEnum.PATIENT_INSTANCE
				|| !"$everything".equals(request.getOperation())
				|| request.getId() == null || !request.getId().hasIdPart()
				|| !Callers.current().map(EverythingAcrossLinkedRecords::readsBeyondOneCompartment).orElse(false)) {
			return;
		}
		Set<String> linked = linkedPatients.of(request.getId().getIdPart());
		if (linked.size() > 1) {
			TokenOrListParam ids = new TokenOrListParam();
			linked.forEach(id -> ids.addOr(new TokenParam(id)));
			search.remove(IAnyResource.SP_RES_ID);
			search.add(IAnyResource.SP_RES_ID, ids);
		}
	}

	private static boolean readsBeyondOneCompartment(Caller caller) {
		return caller.role() == Role.AUDITOR || caller.scopes().stream()
				.anyMatch(scope -> scope.context() != SmartScope.Context.PATIENT && scope.allows('r'));
	}
}
