package cn.hulian.server.limits;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Refuses batch and transaction Bundles with more than {@link RequestLimitProperties#maxBundleEntries()} entries
 * (413), before any entry is processed. HAPI's own limit covers transactions only; this covers both.
 */
@Interceptor
public class BundleEntryLimitInterceptor implements FhirServerInterceptor {

	private final int maxEntries;

	public BundleEntryLimitInterceptor(RequestLimitProperties limits) {
		this.maxEntries = limits.maxBundleEntries();
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void checkEntryCount(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation != RestOperationTypeEnum.TRANSACTION || !(request.getResource() instanceof Bundle bundle)) {
			return;
		}
		int entries = bundle.getEntry().size();
		if (entries > maxEntries) {
			throw new PayloadTooLargeException(Messages.get(
					request.getHeader("Accept-Language"), "limits.too-many-bundle-entries", entries, maxEntries));
		}
	}
}
