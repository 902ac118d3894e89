package cn.hulian.server.subscriptions;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import cn.hulian.server.background.PeriodicTask;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the {@link FailedDeliveries} again, every {@code hulian.subscriptions.retry-interval}, to the endpoint and
 * with the headers the subscription has now (a platform may have moved its receiver or renewed its credentials).
 * Notifications of a subscription deleted or no longer active are dropped; those older than {@code max-age} are given
 * up with a warning. Once a receiver takes one, the others waiting for it are due at once. Servers sharing a database
 * share the work: each takes notifications the others have not.
 */
@Component
class DeliveryRetries extends PeriodicTask {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);
	private static final int BATCH = 100;

	private final FailedDeliveries failed;
	private final NotificationSender sender;
	private final DaoRegistry daoRegistry;
	private final Duration lease;

	DeliveryRetries(FailedDeliveries failed, NotificationSender sender, DaoRegistry daoRegistry,
			SubscriptionProperties properties) {
		super("subscription-retries", properties.retryInterval());
		this.failed = failed;
		this.sender = sender;
		this.daoRegistry = daoRegistry;
		// Long enough for a whole batch to time out one by one before another server may take it again.
		this.lease = properties.deliveryTimeout().multipliedBy(BATCH + 1L);
	}

	@Override
	protected void runRound() {
		try {
			failed.dropExpired().forEach((subscription, count) -> log.warn(
					"Gave up {} notification(s) for {}: its receiver did not take them within hulian.subscriptions.max-age",
					count, subscription));
			List<FailedDeliveries.Pending> due;
			do {
				due = failed.claimDue(BATCH, lease);
				retry(due);
			} while (due.size() == BATCH && !isStopping());
		} catch (RuntimeException e) {
			log.warn("Retrying failed subscription notifications failed; trying again later: {}", e.toString());
		}
	}

	private void retry(List<FailedDeliveries.Pending> due) {
		Map<String, Optional<Subscription>> subscriptions = new HashMap<>();
		Map<String, String> failing = new HashMap<>();
		Set<String> recovered = new HashSet<>();
		for (FailedDeliveries.Pending pending : due) {
			if (isStopping()) {
				return; // the lease runs out and the rest are due again
			}
			String id = pending.notification().subscription();
			if (!subscriptions.containsKey(id)) {
				subscriptions.put(id, activeSubscription(id));
				if (subscriptions.get(id).isEmpty()) {
					log.info("Dropped {} waiting notification(s) of {}: it was deleted or is no longer active",
							failed.dropAll(id), id);
				}
			}
			Optional<Subscription> subscription = subscriptions.get(id);
			if (subscription.isEmpty()) {
				continue;
			}
			if (failing.containsKey(id)) {
				failed.postpone(pending.id(), failing.get(id)); // its receiver just failed: no use trying each
				continue;
			}
			Optional<String> failure = sender.send(pending.notification(), subscription.get().getChannel().getEndpoint(),
					subscription.get().getChannel().getHeader().stream().map(PrimitiveType::getValue).toList());
			if (failure.isPresent()) {
				failing.put(id, failure.get());
				failed.postpone(pending.id(), failure.get());
			} else {
				failed.delivered(pending.id());
				if (recovered.add(id)) {
					log.info("The receiver of {} takes notifications again; those still waiting are sent now", id);
					failed.retryNow(id);
				}
			}
		}
	}

	/** The subscription as stored now, if it still exists and is active. */
	private Optional<Subscription> activeSubscription(String id) {
		try {
			Subscription subscription = (Subscription) daoRegistry.getResourceDao("Subscription")
					.read(new IdType(id), new SystemRequestDetails());
			return Optional.of(subscription).filter(s -> s.getStatus() == Subscription.SubscriptionStatus.ACTIVE);
		} catch (ResourceNotFoundException | ResourceGoneException deleted) {
			return Optional.empty();
		}
	}
}
