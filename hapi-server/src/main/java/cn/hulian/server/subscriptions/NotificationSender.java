package cn.hulian.server.subscriptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends a {@link Notification} to a receiver: {@code POST} to the subscription's endpoint with no body, the
 * subscription's own headers ({@code Subscription.channel.header}, e.g. the platform's credentials for its receiver)
 * and the notification's. Any 2xx answer is a delivery; anything else, or no answer within
 * {@code hulian.subscriptions.delivery-timeout}, a failure. Redirects are not followed, and the endpoint is checked
 * again before each attempt (the allow-list may have changed, the host may resolve elsewhere now).
 */
@Component
class NotificationSender {

	private final ReceiverEndpoints endpoints;
	private final SubscriptionProperties properties;
	private final HttpClient http;

	NotificationSender(ReceiverEndpoints endpoints, SubscriptionProperties properties) {
		this.endpoints = endpoints;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(properties.deliveryTimeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
	}

	/** Why {@code notification} could not be delivered, empty when the receiver took it. */
	Optional<String> send(Notification notification, String endpoint, List<String> headers) {
		Optional<ReceiverEndpoints.Refusal> refusal = endpoints.refusal(endpoint);
		if (refusal.isPresent()) {
			return Optional.of("endpoint not allowed: " + refusal.get().messageKey());
		}
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
					.timeout(properties.deliveryTimeout())
					.POST(HttpRequest.BodyPublishers.noBody())
					.header(Notification.SUBSCRIPTION_HEADER, notification.subscription())
					.header(Notification.RESOURCE_HEADER, notification.resource())
					.header(Notification.EVENT_HEADER, notification.event());
			for (String header : headers) {
				int colon = header.indexOf(':');
				if (colon > 0) {
					request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
				}
			}
			int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status);
		} catch (IOException | IllegalArgumentException failed) {
			return Optional.of(failed.toString());
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted (server shutting down)");
		}
	}
}
