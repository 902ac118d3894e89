package cn.hulian.server.policy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Records are kept for their retention period: no hard delete ({@code $expunge} of a deleted resource or of old
 * versions) of a clinical record, anything in a patient's compartment, before its retention period has passed since
 * that version was written: 15 years, 3 years for chat, audio and video records. A delete stays a soft delete, its
 * versions kept in history. Expunging everything at once is refused as long as the rule is on. Records outside any
 * patient's compartment (profiles, code systems, subscriptions) are not concerned.
 */
@Interceptor
public class RetentionRule implements FhirServerInterceptor {

	static final String ID = "IH-RETENTION-008";
	static final String SOURCE = "医疗机构病历管理规定 2013 第二十九条; 互联网诊疗监管细则（试行）2022: 互联网诊疗病历保存时间不得少于 15 年";
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final FhirContext fhirContext;
	private final boolean enabled;
	private final PolicyProperties.Retention retention;

	public RetentionRule(FhirContext fhirContext, PolicyProperties properties) {
		this.fhirContext = fhirContext;
		this.enabled = properties.isEnabled(ID);
		this.retention = properties.retention();
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_EXPUNGE_RESOURCE)
	public void beforeExpunge(IIdType id, IBaseResource version, RequestDetails request) {
		String type = version.fhirType();
		if (!enabled || !isClinical(type)) {
			return;
		}
		Period period = retention.conversationTypes().contains(type) ? retention.conversations() : retention.clinicalRecords();
		Date written = version.getMeta().getLastUpdated();
		LocalDate keptUntil = (written == null ? LocalDate.now(CHINA) : written.toInstant().atZone(CHINA).toLocalDate()).plus(period);
		if (keptUntil.isAfter(LocalDate.now(CHINA))) {
			new RuleRefusal(request, id.getValue())
					.add(ID, SOURCE, new RuleViolation(type, "policy.retention", id.getValue(), keptUntil))
					.throwIfAny(fhirContext);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_EXPUNGE_EVERYTHING)
	public void beforeExpungeEverything(RequestDetails request) {
		if (!enabled) {
			return;
		}
		new RuleRefusal(request, "$expunge of everything")
				.add(ID, SOURCE, new RuleViolation("Parameters", "policy.retention-everything"))
				.throwIfAny(fhirContext);
	}

	/** Patient, and every type that can belong to a patient's compartment. */
	private boolean isClinical(String type) {
		return "Patient".equals(type)
				|| !fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty();
	}
}
