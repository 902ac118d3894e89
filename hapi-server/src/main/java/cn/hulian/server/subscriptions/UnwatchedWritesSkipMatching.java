package cn.hulian.server.subscriptions;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps writes that no Subscription watches out of HAPI's subscription pipeline. HAPI queues every write for matching
 * (a row in {@code hfj_resource_modified}, read back and deleted seconds later) even when no Subscription exists: on
 * an exchange server with a few Subscriptions, most of them for nothing.
 *
 * <p>A write goes to matching when it is a Subscription, when an active Subscription's criteria name its type, or
 * while a Subscription written on this server in the last {@link #ACTIVATION_WINDOW} may not be active yet: HAPI
 * activates a new Subscription asynchronously, and a write it should see must not be dropped meanwhile. The same
 * window follows the server's start, while HAPI loads the active Subscriptions. On a cluster,
 * a Subscription written on another node applies to this node's writes once HAPI's registry has loaded it.
 * Registered for every write, the server's own (Provenances, package installs) included.
 */
@Component
class UnwatchedWritesSkipMatching {

	/** HAPI activates within a few of its 5-second matching rounds, and reloads its registry every minute. */
	static final Duration ACTIVATION_WINDOW = Duration.ofMinutes(2);
	private static final Set<String> SUBSCRIPTION_TYPES = Set.of("Subscription", "SubscriptionTopic");

	private final SubscriptionRegistry registry;
	private final FhirContext fhirContext;
	private final Clock clock;
	/** Starts at the server's start: HAPI loads the active Subscriptions into its registry after that. */
	private final AtomicReference<Instant> lastSubscriptionWrite;

	@Autowired
	UnwatchedWritesSkipMatching(SubscriptionRegistry registry, FhirContext fhirContext, IInterceptorService interceptors) {
		this(registry, fhirContext, Clock.systemUTC());
		interceptors.registerInterceptor(this);
	}

	UnwatchedWritesSkipMatching(SubscriptionRegistry registry, FhirContext fhirContext, Clock clock) {
		this.registry = registry;
		this.fhirContext = fhirContext;
		this.clock = clock;
		this.lastSubscriptionWrite = new AtomicReference<>(clock.instant());
	}

	/** Returning false stops HAPI from queueing the write for matching. */
	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
	public boolean matchOnlyIfWatched(ResourceModifiedMessage write) {
		String type = write.getResourceType(fhirContext);
		if (SUBSCRIPTION_TYPES.contains(type)) {
			lastSubscriptionWrite.set(clock.instant());
			return true;
		}
		return clock.instant().isBefore(lastSubscriptionWrite.get().plus(ACTIVATION_WINDOW))
				|| registry.getAll().stream().anyMatch(subscription -> watches(subscription, type));
	}

	private static boolean watches(ActiveSubscription subscription, String type) {
		var criteria = subscription.getCriteria();
		// Topic-based and wildcard Subscriptions may watch any type.
		return criteria == null || criteria.getApplicableResourceTypes() == null
				|| criteria.getApplicableResourceTypes().contains(type);
	}
}
