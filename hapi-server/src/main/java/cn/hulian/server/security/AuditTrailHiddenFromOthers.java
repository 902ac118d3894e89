package cn.hulian.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.stereotype.Component;

/**
 * Only auditors and administrators see AuditEvents. Reading or searching them directly is refused by
 * {@link ScopeAuthorizationInterceptor}; this leaves them out where they come along with other records, as in
 * {@code Patient/$everything} (AuditEvents are in the patient compartment) and its later pages. Runs before
 * authorization checks what is shown.
 */
@Component
class AuditTrailHiddenFromOthers implements FhirServerInterceptor {

	@Hook(value = Pointcut.STORAGE_PRESHOW_RESOURCES, order = -100)
	public void leaveOutAuditEvents(IPreResourceShowDetails shown) {
		if (Callers.current().map(caller -> caller.role().oversees()).orElse(true)) {
			return;
		}
		for (int i = 0; i < shown.size(); i++) {
			if (shown.getResource(i) instanceof AuditEvent) {
				shown.setResource(i, null);
			}
		}
	}
}
