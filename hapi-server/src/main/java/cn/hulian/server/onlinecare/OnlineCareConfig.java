package cn.hulian.server.onlinecare;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import cn.hulian.server.validation.ProfileValidationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OnlineCareConfig {

	@Bean
	public OnlineCareMembership onlineCareMembership(DaoRegistry daoRegistry, ProfileValidationProperties properties) {
		return new OnlineCareMembership(new OnlineEncounters(daoRegistry, properties.onlineCare().encounterCacheTtl()));
	}

	@Bean
	public TransactionEntries.Recorder transactionEntriesRecorder() {
		return new TransactionEntries.Recorder();
	}
}
