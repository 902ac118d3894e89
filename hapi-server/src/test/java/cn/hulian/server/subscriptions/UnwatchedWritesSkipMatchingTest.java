package cn.hulian.server.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

class UnwatchedWritesSkipMatchingTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final Duration PAST_THE_WINDOW = UnwatchedWritesSkipMatching.ACTIVATION_WINDOW.plusSeconds(1);

	private final MovableClock clock = new MovableClock();
	private final List<ActiveSubscription> active = new ArrayList<>();
	private final UnwatchedWritesSkipMatching filter = new UnwatchedWritesSkipMatching(registry(), FHIR, clock);

	@Test
	void everyWriteIsMatchedRightAfterTheServerStarts() {
		assertThat(filter.matchOnlyIfWatched(write("Observation/1"))).isTrue();
	}

	@Test
	void onceStartedWritesNoSubscriptionWatchesAreNotQueued() {
		clock.advance(PAST_THE_WINDOW);

		assertThat(filter.matchOnlyIfWatched(write("Observation/1"))).isFalse();
	}

	@Test
	void writesOfATypeAnActiveSubscriptionWatchesAreQueued() {
		clock.advance(PAST_THE_WINDOW);
		active.add(subscription("MedicationRequest?status=active"));

		assertThat(filter.matchOnlyIfWatched(write("MedicationRequest/1"))).isTrue();
		assertThat(filter.matchOnlyIfWatched(write("Observation/1"))).isFalse();
	}

	@Test
	void aSubscriptionWithoutATypeWatchesEverything() {
		clock.advance(PAST_THE_WINDOW);
		active.add(subscription("[*]"));

		assertThat(filter.matchOnlyIfWatched(write("Observation/1"))).isTrue();
	}

	@Test
	void aSubscriptionWriteQueuesEveryWriteWhileItIsBeingActivated() {
		clock.advance(PAST_THE_WINDOW);

		assertThat(filter.matchOnlyIfWatched(write("Subscription/1"))).isTrue();
		assertThat(filter.matchOnlyIfWatched(write("Observation/1"))).as("not active yet").isTrue();
		clock.advance(PAST_THE_WINDOW);
		assertThat(filter.matchOnlyIfWatched(write("Observation/1"))).isFalse();
	}

	private SubscriptionRegistry registry() {
		SubscriptionRegistry registry = mock(SubscriptionRegistry.class);
		when(registry.getAll()).thenAnswer(invocation -> active);
		return registry;
	}

	private static ActiveSubscription subscription(String criteria) {
		CanonicalSubscription subscription = new CanonicalSubscription();
		subscription.setCriteriaString(criteria);
		return new ActiveSubscription(subscription, "channel");
	}

	private static ResourceModifiedMessage write(String id) {
		return new ResourceModifiedMessage(new IdType(id), OperationTypeEnum.CREATE, null);
	}

	private static final class MovableClock extends Clock {
		private Instant now = Instant.parse("2026-12-07T08:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
