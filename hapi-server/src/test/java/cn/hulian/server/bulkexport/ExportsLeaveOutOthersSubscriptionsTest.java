package cn.hulian.server.bulkexport;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.executor.InterceptorService;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import cn.hulian.server.security.Role;
import cn.hulian.server.subscriptions.SubscriptionOwner;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;

class ExportsLeaveOutOthersSubscriptionsTest {

	private static final String ISSUER = "https://sso.example.cn/realms/hie";

	private final ExportsLeaveOutOthersSubscriptions exports = new ExportsLeaveOutOthersSubscriptions(new InterceptorService());

	@Test
	void aPlatformExportsItsOwnSubscriptionsOnly() {
		BulkExportJobParameters platformA = job(Role.REGIONAL_PLATFORM, "platform-a");
		assertThat(exports.include(platformA, subscriptionOf("platform-a"))).isTrue();
		assertThat(exports.include(platformA, subscriptionOf("platform-b"))).isFalse();
		assertThat(exports.include(platformA, new Subscription())).as("no owner").isFalse();
		assertThat(exports.include(platformA, new Observation())).isTrue();
	}

	@Test
	void administratorsExportEverySubscription() {
		assertThat(exports.include(job(Role.ADMINISTRATOR, "admin"), subscriptionOf("platform-b"))).isTrue();
	}

	private static BulkExportJobParameters job(Role role, String clientId) {
		BulkExportJobParameters job = new BulkExportJobParameters();
		job.setBinarySecurityContextIdentifierValue(new ExportRequester(role, "", ISSUER, clientId).encoded());
		return job;
	}

	private static Subscription subscriptionOf(String clientId) {
		Subscription subscription = new Subscription();
		subscription.getMeta().addTag(SubscriptionOwner.SYSTEM, SubscriptionOwner.of(ISSUER, clientId), null);
		return subscription;
	}
}
