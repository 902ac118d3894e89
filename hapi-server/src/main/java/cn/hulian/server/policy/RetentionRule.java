package cn.hulian.server.policy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.HistorySearchDateRangeParam;
import cn.hulian.server.config.FhirServerInterceptor;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Records are kept for their retention period: {@code $expunge}, the only hard delete this server offers, is refused
 * for a clinical record (anything in a patient's compartment) changed within its retention period, 15 years, or 3
 * years for chat, audio and video records. A delete stays a soft delete, every version kept in history. The check is
 * made on the request, before HAPI starts expunging: for one record, from its last change; for a resource type, when
 * any record of that type changed within the period; expunging the whole server is refused outright. Records outside
 * any patient's compartment (profiles, code systems, questionnaires, subscriptions) are not concerned.
 */
@Interceptor
public class RetentionRule implements FhirServerInterceptor {

	static final String ID = "IH-RETENTION-008";
	static final String SOURCE = "医疗机构病历管理规定 2013 第二十九条; 互联网诊疗监管细则（试行）2022: 互联网诊疗病历保存时间不得少于 15 年，图文对话、音视频资料不得少于 3 年";
	private static final String EXPUNGE = "$expunge";

	private final FhirContext fhirContext;
	private final DaoRegistry daoRegistry;
	private final boolean enabled;
	private final PolicyProperties.Retention retention;

	public RetentionRule(FhirContext fhirContext, DaoRegistry daoRegistry, PolicyProperties properties) {
		this.fhirContext = fhirContext;
		this.daoRegistry = daoRegistry;
		this.enabled = properties.isEnabled(ID);
		this.retention = properties.retention();
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void beforeExpunge(RequestDetails request) {
		if (!enabled || !EXPUNGE.equals(request.getOperation())) {
			return;
		}
		String type = request.getResourceName();
		IIdType id = request.getId();
		if (type == null) {
			refuse(request, new RuleViolation("Parameters", "policy.retention-everything"));
		} else if (isClinical(type) && id != null && id.hasIdPart()) {
			Date lastChange = lastChange(type, id);
			LocalDate keptUntil = lastChange == null ? null : ChinaDates.day(lastChange).plus(periodOf(type));
			if (keptUntil != null && keptUntil.isAfter(ChinaDates.today())) {
				refuse(request, new RuleViolation(type, "policy.retention", type + "/" + id.getIdPart(), keptUntil));
			}
		} else if (isClinical(type) && changedSince(type, ChinaDates.today().minus(periodOf(type)))) {
			refuse(request, new RuleViolation(type, "policy.retention-type", type, periodOf(type)));
		}
	}

	private void refuse(RequestDetails request, RuleViolation violation) {
		new RuleRefusal(request, request.getRequestPath()).add(ID, SOURCE, violation).throwIfAny(fhirContext);
	}

	/** When the record last changed (its deletion included); null when it was never stored. */
	private Date lastChange(String type, IIdType id) {
		List<IBaseResource> newest = dao(type)
				.history(id.withResourceType(type), new HistorySearchDateRangeParam(), new SystemRequestDetails())
				.getResources(0, 1);
		return newest.isEmpty() ? null : newest.get(0).getMeta().getLastUpdated();
	}

	private boolean changedSince(String type, LocalDate day) {
		return !dao(type).history(ChinaDates.startOf(day), null, null, new SystemRequestDetails())
				.getResources(0, 1)
				.isEmpty();
	}

	private IFhirResourceDao<?> dao(String type) {
		return daoRegistry.getResourceDao(type);
	}

	private Period periodOf(String type) {
		return retention.conversationTypes().contains(type) ? retention.conversations() : retention.clinicalRecords();
	}

	/** Patient, and every type that can belong to a patient's compartment. */
	private boolean isClinical(String type) {
		return "Patient".equals(type)
				|| !fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty();
	}
}
