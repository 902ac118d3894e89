package cn.hulian.server.audit;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.ServerInterceptorUtil;
import cn.hulian.server.config.FhirResourceProvider;
import cn.hulian.server.config.FhirStorageProperties;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * AuditEvent read and search over {@link AuditEventStore}, with the R4 search parameters an auditor asks by: who
 * ({@code agent}, {@code altid}, {@code agent-name}), about what ({@code patient}, {@code entity}), when
 * ({@code date}), what happened ({@code action}, {@code type}, {@code subtype}, {@code outcome}), paged with
 * {@code _count} and {@code _offset}. There is no create, update or delete: the server alone records AuditEvents.
 * Results pass through the same authorization and audit hooks as any stored record.
 */
@Component
class AuditEventProvider implements FhirResourceProvider {

	private final AuditEventStore store;
	private final FhirStorageProperties paging;
	private final IInterceptorService interceptors;

	AuditEventProvider(AuditEventStore store, FhirStorageProperties paging, IInterceptorService interceptors) {
		this.store = store;
		this.paging = paging;
		this.interceptors = interceptors;
	}

	@Override
	public Class<AuditEvent> getResourceType() {
		return AuditEvent.class;
	}

	@Read(version = true)
	public AuditEvent read(@IdParam IdType id, RequestDetails request) {
		return store.read(id.getIdPart())
				.filter(event -> !id.hasVersionIdPart() || "1".equals(id.getVersionIdPart()))
				.filter(event -> !shown(List.of(event), request).isEmpty())
				.orElseThrow(() -> new ResourceNotFoundException(id));
	}

	@Search(allowUnknownParams = false)
	public IBundleProvider search(
			@OptionalParam(name = "_id") TokenAndListParam ids,
			@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceAndListParam patients,
			@OptionalParam(name = AuditEvent.SP_AGENT) ReferenceAndListParam agents,
			@OptionalParam(name = AuditEvent.SP_ALTID) TokenAndListParam altIds,
			@OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringAndListParam agentNames,
			@OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceAndListParam entities,
			@OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam dates,
			@OptionalParam(name = AuditEvent.SP_ACTION) TokenAndListParam actions,
			@OptionalParam(name = AuditEvent.SP_TYPE) TokenAndListParam types,
			@OptionalParam(name = AuditEvent.SP_SUBTYPE) TokenAndListParam subtypes,
			@OptionalParam(name = AuditEvent.SP_OUTCOME) TokenAndListParam outcomes,
			@Sort SortSpec sort,
			@Offset Integer offset,
			@Count Integer count,
			RequestDetails request) {
		AuditEventCriteria criteria = new AuditEventCriteria()
				.ids(ids).patients(patients).agents(agents).altIds(altIds).agentNames(agentNames).entities(entities)
				.recorded(dates).actions(actions).types(types).types(subtypes).outcomes(outcomes)
				.sortedBy(sort, request.getHeader("Accept-Language"));
		int first = offset == null ? 0 : Math.max(0, offset);
		int pageSize = count == null ? paging.defaultPageSize() : Math.min(Math.max(0, count), paging.maxPageSize());
		AuditEventStore.AuditEventPage page = store.search(criteria, first, pageSize);
		SimpleBundleProvider result = new SimpleBundleProvider(shown(page.events(), request));
		result.setSize(page.total());
		// Offset paging: the next and previous links carry _offset and _count.
		result.setCurrentPageOffset(first);
		result.setCurrentPageSize(pageSize);
		return result;
	}

	/** What the caller may see of {@code events}, after authorization; also what the request's AuditEvent records. */
	private List<IBaseResource> shown(List<AuditEvent> events, RequestDetails request) {
		return ServerInterceptorUtil.fireStoragePreshowResource(new ArrayList<>(events), request, interceptors);
	}
}
