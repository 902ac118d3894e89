package cn.hulian.server.subscriptions;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * One notification: a record changed in a way a subscription asked about. It is sent as an empty POST whose headers
 * name the subscription, the record's version and the change; receivers read the record themselves, and deduplicate
 * by {@link #resource()} (delivery is at least once).
 *
 * @param subscription the subscription, {@code Subscription/[id]}
 * @param resource     the record version, {@code Type/[id]/_history/[version]}
 * @param event        {@code create}, {@code update} or {@code delete}
 */
record Notification(String subscription, String resource, String event) {

	/** The headers a notification carries start with this (lower case); a subscription's own headers may not. */
	static final String HEADER_PREFIX = "x-hulian-";
	static final String SUBSCRIPTION_HEADER = "X-Hulian-Subscription";
	static final String RESOURCE_HEADER = "X-Hulian-Resource";
	static final String EVENT_HEADER = "X-Hulian-Event";

	static Notification of(ResourceDeliveryMessage message, FhirContext fhirContext) {
		IIdType id = message.getPayloadId(fhirContext);
		if (!id.hasVersionIdPart()) {
			IBaseResource payload = message.getPayload(fhirContext);
			if (payload != null && payload.getMeta().getVersionId() != null) {
				id = id.withVersion(payload.getMeta().getVersionId());
			}
		}
		return new Notification(
				message.getSubscription().getIdElement(fhirContext).toUnqualifiedVersionless().getValue(),
				id.toUnqualified().getValue(),
				message.getOperationType().name().toLowerCase(Locale.ROOT));
	}
}
