package cn.hulian.server.bulkexport;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import cn.hulian.server.subscriptions.SubscriptionOwner;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * An export by a regional platform holds only its own Subscriptions, as its searches do: another platform's may carry
 * that platform's credentials. Like {@link ExportsHonourSharingDirectives}, it runs in the background job.
 */
@Component
class ExportsLeaveOutOthersSubscriptions {

	ExportsLeaveOutOthersSubscriptions(IInterceptorService interceptors) {
		interceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
	public boolean include(BulkExportJobParameters job, IBaseResource record) {
		if (!(record instanceof Subscription)) {
			return true;
		}
		return ExportRequester.decode(job.getBinarySecurityContextIdentifierValue())
				.filter(requester -> SubscriptionOwner.limitsTo(requester.role()))
				.map(requester -> SubscriptionOwner.owns(SubscriptionOwner.of(requester.issuer(), requester.clientId()), record))
				.orElse(true);
	}
}
