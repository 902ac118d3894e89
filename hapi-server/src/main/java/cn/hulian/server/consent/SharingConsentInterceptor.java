package cn.hulian.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentInterceptor;
import cn.hulian.server.config.FhirServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * HAPI's consent interceptor, applying {@link SharingConsentService} to every response. Callers that sharing
 * directives do not apply to (auditors, administrators, patients) skip it entirely; for the others HAPI refuses
 * {@code _summary=count} and {@code _total=accurate}, since counts would reveal withheld records.
 */
@Component
class SharingConsentInterceptor extends ConsentInterceptor implements FhirServerInterceptor {

	private final SharingConsentService sharing;

	SharingConsentInterceptor(SharingConsentService sharing) {
		super(sharing);
		this.sharing = sharing;
	}

	@Override
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void interceptPreHandled(RequestDetails request) {
		if (!sharing.appliesToCaller()) {
			authorizeRequest(request);
			return;
		}
		super.interceptPreHandled(request);
	}
}
