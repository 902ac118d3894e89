package cn.hulian.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Hulian FHIR R4 server: HAPI FHIR JPA on Spring Boot, served at {@code /fhir}.
 *
 * <p>HAPI's jars bring libraries that Spring Boot would otherwise configure on its own; those auto-configurations
 * are left out because HAPI configures the library itself: JPA (see {@code config.EntityManagerConfig}), Flyway (only
 * for HAPI's migration tool), Quartz (HAPI's scheduler), the Elasticsearch client (Hibernate Search's own, see
 * {@code search}) and Thymeleaf (HAPI's OpenAPI page).
 */
@SpringBootApplication(exclude = {
	HibernateJpaAutoConfiguration.class,
	FlywayAutoConfiguration.class,
	QuartzAutoConfiguration.class,
	ElasticsearchClientAutoConfiguration.class,
	ElasticsearchRestClientAutoConfiguration.class,
	ThymeleafAutoConfiguration.class
})
@ConfigurationPropertiesScan
public class HulianServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(HulianServerApplication.class, args);
	}
}
