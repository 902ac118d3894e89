package cn.hulian.server.config;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The HAPI FHIR JPA modules this server runs: R4 storage, batch jobs (reindex, bulk export) and subscriptions (matching
 * of written records against active Subscriptions, in this process; delivery is Hulian's own, {@code subscriptions}).
 */
@Configuration
@Import({
	JpaR4Config.class,
	HapiJpaConfig.class,
	ThreadPoolFactoryConfig.class,
	JpaBatch2Config.class,
	Batch2JobsConfig.class,
	// The in-process message broker batch jobs and subscriptions exchange work items through.
	SubscriptionChannelConfig.class,
	SubscriptionSubmitterConfig.class,
	SubscriptionProcessorConfig.class
})
public class HapiJpaModulesConfig {}
