package cn.hulian.server.policy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import cn.hulian.server.onlinecare.OnlineCareMembership;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PolicyConfig {

	/** Every {@link OnlineCareRule} bean, minus those switched off under {@code hulian.policy.rules}. */
	@Bean
	public OnlineCareRulesInterceptor onlineCareRulesInterceptor(
			FhirContext fhirContext, List<OnlineCareRule> rules, PolicyProperties properties, OnlineCareMembership onlineCare) {
		return new OnlineCareRulesInterceptor(fhirContext, rules, properties, onlineCare);
	}

	@Bean
	public RetentionRule retentionRule(FhirContext fhirContext, DaoRegistry daoRegistry, PolicyProperties properties) {
		return new RetentionRule(fhirContext, daoRegistry, properties);
	}

	@Bean
	public SettlementScopeTag settlementScopeTag() {
		return new SettlementScopeTag();
	}
}
