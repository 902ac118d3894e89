package cn.hulian.server.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import cn.hulian.server.search.HibernateSearchSettings;
import cn.hulian.server.search.SearchBackendProperties;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/** The JPA entity manager HAPI stores resources with, on PostgreSQL, with the configured full-text index. */
@Configuration
public class EntityManagerConfig {

	@Primary
	@Bean
	public LocalContainerEntityManagerFactoryBean entityManagerFactory(
			ConfigurableListableBeanFactory beanFactory,
			FhirContext fhirContext,
			JpaStorageSettings storageSettings,
			DataSource dataSource,
			SearchBackendProperties searchBackend) {
		LocalContainerEntityManagerFactoryBean factory =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(dataSource);
		factory.setJpaPropertyMap(jpaProperties(searchBackend));
		return factory;
	}

	private static Map<String, Object> jpaProperties(SearchBackendProperties searchBackend) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("hibernate.dialect", HapiFhirPostgresDialect.class.getName());
		// Creates HAPI's schema in an empty database and adds what a newer HAPI needs; never drops anything.
		properties.put("hibernate.hbm2ddl.auto", "update");
		properties.put("hibernate.jdbc.batch_size", "50");
		properties.put("hibernate.order_inserts", "true");
		properties.put("hibernate.order_updates", "true");
		properties.put("hibernate.cache.use_query_cache", "false");
		properties.put("hibernate.cache.use_second_level_cache", "false");
		properties.put("hibernate.cache.use_structured_entries", "false");
		properties.put("hibernate.cache.use_minimal_puts", "false");
		// Envers only audits HAPI's MDM links, which this server does not use; building its model costs seconds at start.
		properties.put("hibernate.integration.envers.enabled", "false");
		properties.put("hibernate.archive.scanner", "org.hibernate.boot.archive.scan.internal.DisabledScanner");
		properties.putAll(HibernateSearchSettings.of(searchBackend));
		return properties;
	}

	@Primary
	@Bean
	public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}
}
