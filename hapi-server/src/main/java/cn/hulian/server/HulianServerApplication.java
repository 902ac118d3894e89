package cn.hulian.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Hulian FHIR R4 server: HAPI FHIR JPA on Spring Boot, served at {@code /fhir}.
 *
 * <p>HAPI builds its own entity manager (see {@code config.EntityManagerConfig}), so Spring Boot's JPA
 * auto-configuration is left out.
 */
@SpringBootApplication(exclude = {HibernateJpaAutoConfiguration.class, ThymeleafAutoConfiguration.class})
@ConfigurationPropertiesScan
public class HulianServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(HulianServerApplication.class, args);
	}
}
