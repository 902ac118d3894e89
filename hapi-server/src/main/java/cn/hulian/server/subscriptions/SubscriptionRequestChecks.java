package cn.hulian.server.subscriptions;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;

/**
 * What a Subscription may ask for, checked when it is created or updated (422 otherwise), before HAPI's own checks:
 * <ul>
 *   <li>channel type {@code rest-hook} only (no websocket, email or message channels);</li>
 *   <li>no payload: notifications name the record, and the receiver reads it with its own token, under the same
 *       authorization, sharing directives and audit as any read (a payload would bypass them);</li>
 *   <li>an endpoint {@link ReceiverEndpoints} allows;</li>
 *   <li>headers of the form {@code Name: value} that can be sent as they are.</li>
 * </ul>
 */
@Component
class SubscriptionRequestChecks implements FhirServerInterceptor {

	/** Before HAPI's subscription validation, which answers in English only and accepts more. */
	private static final int BEFORE_HAPI = -100;
	private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*([^\\p{Cntrl}]*)");
	/** Headers the notification sets itself, and those the HTTP client may not send. */
	private static final Set<String> RESERVED_HEADERS =
			Set.of("connection", "content-length", "expect", "host", "upgrade", "content-type");

	private final ReceiverEndpoints endpoints;

	SubscriptionRequestChecks(ReceiverEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = BEFORE_HAPI)
	public void checkCreated(IBaseResource created, RequestDetails request) {
		check(created, request);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = BEFORE_HAPI)
	public void checkUpdated(IBaseResource stored, IBaseResource updated, RequestDetails request) {
		check(updated, request);
	}

	private void check(IBaseResource resource, RequestDetails request) {
		if (!(resource instanceof Subscription subscription)) {
			return;
		}
		String language = request == null ? null : request.getHeader("Accept-Language");
		Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
		if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
			throw refused(language, "subscriptions.channel-type",
					channel.hasType() ? channel.getTypeElement().getValueAsString() : "none");
		}
		if (channel.hasPayload()) {
			throw refused(language, "subscriptions.payload", channel.getPayload());
		}
		Optional<ReceiverEndpoints.Refusal> endpoint = endpoints.refusal(channel.getEndpoint());
		if (endpoint.isPresent()) {
			throw refused(language, endpoint.get().messageKey(), endpoint.get().arguments());
		}
		for (StringType header : channel.getHeader()) {
			var parts = HEADER.matcher(header.getValueNotNull());
			if (!parts.matches() || RESERVED_HEADERS.contains(parts.group(1).toLowerCase(Locale.ROOT))
					|| parts.group(1).toLowerCase(Locale.ROOT).startsWith(Notification.HEADER_PREFIX)) {
				throw refused(language, "subscriptions.header", header.getValueNotNull());
			}
		}
	}

	private static UnprocessableEntityException refused(String language, String key, Object... arguments) {
		return new UnprocessableEntityException(Messages.get(language, key, arguments));
	}
}
