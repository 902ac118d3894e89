package cn.hulian.server.subscriptions;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the notifications HAPI's subscription matching produces, in place of HAPI's own rest-hook delivery. HAPI
 * 8.8 treats any HTTP answer to a notification without payload as delivered (a 503 included), retries a failed one in
 * memory for one minute only, holding up the subscription's queue and logging each attempt as an error, and loses it
 * on a restart. Here a notification the receiver does not take goes to {@link FailedDeliveries}, from where
 * {@link DeliveryRetries} delivers it once the receiver is back; while some wait, new ones queue behind them.
 * The hook sits on HAPI's own interceptor service: delivery runs on HAPI's threads, outside any request.
 */
@Component
class RestHookDelivery {

	private static final Logger log = LoggerFactory.getLogger(RestHookDelivery.class);

	private final FhirContext fhirContext;
	private final NotificationSender sender;
	private final FailedDeliveries failed;

	RestHookDelivery(FhirContext fhirContext, NotificationSender sender, FailedDeliveries failed,
			IInterceptorService interceptors) {
		this.fhirContext = fhirContext;
		this.sender = sender;
		this.failed = failed;
		interceptors.registerInterceptor(this);
	}

	/** Answers false: HAPI does not deliver the notification itself. */
	@Hook(Pointcut.SUBSCRIPTION_BEFORE_REST_HOOK_DELIVERY)
	public boolean deliver(CanonicalSubscription subscription, ResourceDeliveryMessage message) {
		Notification notification = Notification.of(message, fhirContext);
		if (failed.hasPending(notification.subscription())) {
			failed.add(notification, "queued behind earlier notifications");
			return false;
		}
		Optional<String> failure = sender.send(notification, subscription.getEndpointUrl(), subscription.getHeaders());
		if (failure.isPresent()) {
			log.warn("Notification of {} for {} to {} failed ({}); it is retried from the database until delivered",
					notification.resource(), notification.subscription(), subscription.getEndpointUrl(), failure.get());
			failed.add(notification, failure.get());
		}
		return false;
	}
}
