package cn.hulian.server.config;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The HAPI FHIR JPA modules this server runs: R4 storage and batch jobs (reindex, bulk export). */
@Configuration
@Import({
	JpaR4Config.class,
	HapiJpaConfig.class,
	ThreadPoolFactoryConfig.class,
	JpaBatch2Config.class,
	Batch2JobsConfig.class,
	// The in-process message broker batch jobs (and later subscriptions) exchange work items through.
	SubscriptionChannelConfig.class
})
public class HapiJpaModulesConfig {}
