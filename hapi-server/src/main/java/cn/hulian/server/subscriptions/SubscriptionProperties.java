package cn.hulian.server.subscriptions;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * REST-hook subscriptions ({@code hulian.subscriptions.*}).
 *
 * @param allowedHosts     receiver hosts that may be reached over plain {@code http} and on loopback or private
 *                         addresses (a platform inside the government network); unset: loopback in the embedded
 *                         default, none otherwise. Every other receiver must be {@code https} on a public address.
 * @param deliveryTimeout  how long a notification may take to connect and be answered (default 10 s)
 * @param retryInterval    how often failed notifications due for another attempt are looked for (default 5 s)
 * @param firstRetryDelay  the wait before the first retry of a failed notification; each further one waits twice as
 *                         long (default 10 s)
 * @param maxRetryDelay    the longest wait between two attempts (default 10 min)
 * @param maxAge           how long a failed notification is retried before it is given up (default 3 days)
 */
@ConfigurationProperties("hulian.subscriptions")
public record SubscriptionProperties(
		List<String> allowedHosts,
		Duration deliveryTimeout,
		Duration retryInterval,
		Duration firstRetryDelay,
		Duration maxRetryDelay,
		Duration maxAge) {

	public SubscriptionProperties {
		deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(10) : deliveryTimeout;
		retryInterval = retryInterval == null ? Duration.ofSeconds(5) : retryInterval;
		firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(10) : firstRetryDelay;
		maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(10) : maxRetryDelay;
		maxAge = maxAge == null ? Duration.ofDays(3) : maxAge;
		for (Duration positive : List.of(deliveryTimeout, retryInterval, firstRetryDelay, maxRetryDelay, maxAge)) {
			if (positive.isNegative() || positive.isZero()) {
				throw new IllegalArgumentException("hulian.subscriptions durations must be positive: " + positive);
			}
		}
		if (maxRetryDelay.compareTo(firstRetryDelay) < 0) {
			throw new IllegalArgumentException("hulian.subscriptions.max-retry-delay must not be shorter than first-retry-delay");
		}
	}
}
