package cn.hulian.server.policy;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import cn.hulian.server.config.FhirServerInterceptor;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;

/**
 * Records on every claim whether it is settled locally or off-site (异地就医), as a tag the server derives from the
 * claim's insured and treatment regions, which {@link ClaimRule} checks against the Coverage and the treating
 * institution. Payers and regulators search {@code Claim?_tag=...|off-site}; a client's own tag of this system is
 * replaced.
 */
@Interceptor
public class SettlementScopeTag implements FhirServerInterceptor {

	public static final String SYSTEM = "http://hulian.cn/fhir/CodeSystem/settlement-scope";

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		tag(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource previous, IBaseResource resource) {
		tag(resource);
	}

	private static void tag(IBaseResource resource) {
		if (!(resource instanceof Claim claim)) {
			return;
		}
		claim.getMeta().getTag().removeIf(tag -> SYSTEM.equals(tag.getSystem()));
		Optional<String> insured = Regions.of(claim, ClaimRule.INSURED_REGION);
		Optional<String> treatment = Regions.of(claim, ClaimRule.TREATMENT_REGION);
		if (insured.isPresent() && treatment.isPresent()) {
			boolean local = Regions.contains(insured.get(), treatment.get());
			claim.getMeta().addTag(SYSTEM, local ? "local" : "off-site", local ? "本地结算" : "异地就医结算");
		}
	}
}
