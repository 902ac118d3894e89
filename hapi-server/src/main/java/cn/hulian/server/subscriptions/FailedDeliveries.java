package cn.hulian.server.subscriptions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Notifications a receiver has not taken yet (table {@code hulian_subscription_retry}), kept in PostgreSQL so that
 * they survive a restart and are retried by whichever server sharing the database gets to them first
 * ({@link DeliveryRetries}): 10 s, 20 s, 40 s … after each failed attempt (from
 * {@code hulian.subscriptions.first-retry-delay}), at most {@code max-retry-delay} apart, until {@code max-age}.
 */
@Component
class FailedDeliveries {

	private final JdbcTemplate jdbc;
	private final SubscriptionProperties properties;

	FailedDeliveries(JdbcTemplate jdbc, SubscriptionProperties properties, MeterRegistry metrics) {
		this.jdbc = jdbc;
		this.properties = properties;
		jdbc.execute("""
				CREATE TABLE IF NOT EXISTS hulian_subscription_retry (
				  id BIGSERIAL PRIMARY KEY,
				  subscription TEXT NOT NULL,
				  resource TEXT NOT NULL,
				  event TEXT NOT NULL,
				  first_failed TIMESTAMPTZ NOT NULL DEFAULT now(),
				  attempts INT NOT NULL DEFAULT 1,
				  next_attempt TIMESTAMPTZ NOT NULL,
				  last_error TEXT)""");
		jdbc.execute("CREATE INDEX IF NOT EXISTS hulian_subscription_retry_due ON hulian_subscription_retry (next_attempt)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS hulian_subscription_retry_of ON hulian_subscription_retry (subscription)");
		Gauge.builder("hulian.subscriptions.retry.backlog", this, FailedDeliveries::size)
				.description("Notifications waiting to be delivered again because their receiver did not take them")
				.register(metrics);
	}

	/** A notification whose first attempt failed (or that waits behind earlier ones of its subscription). */
	void add(Notification notification, String error) {
		jdbc.update("""
				INSERT INTO hulian_subscription_retry (subscription, resource, event, next_attempt, last_error)
				VALUES (?, ?, ?, now() + make_interval(secs => ?), ?)""",
				notification.subscription(), notification.resource(), notification.event(),
				seconds(properties.firstRetryDelay()), error);
	}

	/** Whether notifications of {@code subscription} wait: a new one queues behind them rather than overtaking. */
	boolean hasPending(String subscription) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM hulian_subscription_retry WHERE subscription = ?)", Boolean.class, subscription));
	}

	/**
	 * Up to {@code limit} notifications due for another attempt, oldest first, taken for {@code lease}: another server
	 * sees them again only if this one has not delivered or postponed them by then (it may have stopped).
	 */
	List<Pending> claimDue(int limit, Duration lease) {
		return jdbc.query("""
				UPDATE hulian_subscription_retry SET next_attempt = now() + make_interval(secs => ?)
				WHERE id IN (SELECT id FROM hulian_subscription_retry WHERE next_attempt <= now()
				             ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, subscription, resource, event""",
				(row, n) -> new Pending(row.getLong("id"),
						new Notification(row.getString("subscription"), row.getString("resource"), row.getString("event"))),
				seconds(lease), limit)
				.stream().sorted(Comparator.comparingLong(Pending::id)).toList();
	}

	void delivered(long id) {
		jdbc.update("DELETE FROM hulian_subscription_retry WHERE id = ?", id);
	}

	/** Leaves a notification for a later attempt, twice as long after each failure, at most max-retry-delay. */
	void postpone(long id, String error) {
		jdbc.update("""
				UPDATE hulian_subscription_retry SET last_error = ?, next_attempt = now() + LEAST(
				  make_interval(secs => ?), make_interval(secs => ?) * power(2, LEAST(attempts, 30))),
				  attempts = attempts + 1
				WHERE id = ?""",
				error, seconds(properties.maxRetryDelay()), seconds(properties.firstRetryDelay()), id);
	}

	/** Makes the waiting notifications of {@code subscription} due now, as when its receiver took one again. */
	void retryNow(String subscription) {
		jdbc.update("UPDATE hulian_subscription_retry SET next_attempt = now() WHERE subscription = ? AND next_attempt > now()",
				subscription);
	}

	/** Drops the notifications of a subscription that was deleted or switched off; answers how many. */
	int dropAll(String subscription) {
		return jdbc.update("DELETE FROM hulian_subscription_retry WHERE subscription = ?", subscription);
	}

	/** Gives up notifications older than max-age; answers how many per subscription. */
	Map<String, Long> dropExpired() {
		return jdbc.queryForList("""
				DELETE FROM hulian_subscription_retry WHERE first_failed < now() - make_interval(secs => ?)
				RETURNING subscription""", String.class, seconds(properties.maxAge()))
				.stream().collect(Collectors.groupingBy(subscription -> subscription, Collectors.counting()));
	}

	/** How many notifications wait. */
	long size() {
		Long size = jdbc.queryForObject("SELECT count(*) FROM hulian_subscription_retry", Long.class);
		return size == null ? 0 : size;
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** A notification waiting in the table, by its row id. */
	record Pending(long id, Notification notification) {}
}
