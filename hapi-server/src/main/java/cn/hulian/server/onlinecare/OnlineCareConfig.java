package cn.hulian.server.onlinecare;

import cn.hulian.server.validation.ProfileValidationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OnlineCareConfig {

	@Bean
	public OnlineCareMembership onlineCareMembership(StoredRecords records, ProfileValidationProperties properties) {
		return new OnlineCareMembership(new OnlineEncounters(records, properties.onlineCare().encounterCacheTtl()));
	}

	@Bean
	public TransactionEntries.Recorder transactionEntriesRecorder() {
		return new TransactionEntries.Recorder();
	}
}
