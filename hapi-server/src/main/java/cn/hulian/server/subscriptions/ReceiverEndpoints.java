package cn.hulian.server.subscriptions;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where notifications may be sent, a guard against server-side request forgery: a Subscription must not make the
 * server call services of its own host or network. An endpoint is an absolute {@code https} URL without user name or
 * password whose host resolves to public addresses only; hosts on the allow-list
 * ({@code hulian.subscriptions.allowed-hosts}) may also use {@code http} and private or loopback addresses.
 */
@Component
class ReceiverEndpoints {

	/** Allowed by default in the embedded default (no {@code spring.datasource.url}), for trying the server out. */
	private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

	private final Set<String> allowedHosts;

	ReceiverEndpoints(SubscriptionProperties properties, @Value("${spring.datasource.url:}") String datasourceUrl) {
		List<String> hosts = properties.allowedHosts() != null
				? properties.allowedHosts()
				: datasourceUrl.isBlank() ? LOOPBACK : List.of();
		this.allowedHosts = hosts.stream().map(ReceiverEndpoints::normalized).collect(Collectors.toUnmodifiableSet());
	}

	/** Why notifications may not go to {@code endpoint}, empty when they may. */
	Optional<Refusal> refusal(String endpoint) {
		URI uri;
		try {
			uri = new URI(endpoint == null ? "" : endpoint);
		} catch (URISyntaxException malformed) {
			return Optional.of(new Refusal("subscriptions.endpoint-malformed", endpoint));
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null
				|| !(scheme.equals("https") || scheme.equals("http"))) {
			return Optional.of(new Refusal("subscriptions.endpoint-malformed", endpoint));
		}
		String host = normalized(uri.getHost());
		if (allowedHosts.contains(host)) {
			return Optional.empty();
		}
		if (!scheme.equals("https")) {
			return Optional.of(new Refusal("subscriptions.endpoint-not-https", endpoint));
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(host)) {
				if (!isPublic(address)) {
					return Optional.of(new Refusal("subscriptions.endpoint-not-public", endpoint, address.getHostAddress()));
				}
			}
		} catch (UnknownHostException unknown) {
			return Optional.of(new Refusal("subscriptions.endpoint-unknown-host", endpoint, host));
		}
		return Optional.empty();
	}

	private static boolean isPublic(InetAddress address) {
		boolean uniqueLocalV6 = address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
		return !(address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
				|| address.isLinkLocalAddress() || address.isMulticastAddress() || uniqueLocalV6);
	}

	/** Host names compare case-insensitively; IPv6 literals without their brackets. */
	private static String normalized(String host) {
		String lower = host.trim().toLowerCase(Locale.ROOT);
		return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
	}

	/** A refusal: the message key and its arguments. */
	record Refusal(String messageKey, Object... arguments) {}
}
