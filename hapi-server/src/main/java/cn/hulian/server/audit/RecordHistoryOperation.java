package cn.hulian.server.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.HistorySearchDateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirOperationProvider;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/[id]/$record-history}: every version of every record that was ever in the patient's compartment,
 * deleted ones included, oldest first, as a history Bundle paged with {@code _count} (default 50, at most 500) and
 * {@code _offset}. For auditors: HAPI's own history works per record, type or server, not per patient.
 */
@Component
class RecordHistoryOperation implements FhirOperationProvider {

	private static final int DEFAULT_COUNT = 50;
	private static final int MAX_COUNT = 500;

	private final PatientRecordIndex patientRecords;
	private final DaoRegistry daoRegistry;

	RecordHistoryOperation(PatientRecordIndex patientRecords, DaoRegistry daoRegistry) {
		this.patientRecords = patientRecords;
		this.daoRegistry = daoRegistry;
	}

	@Operation(name = "$record-history", typeName = "Patient", idempotent = true)
	public Bundle recordHistory(
			@IdParam IdType patient,
			@OperationParam(name = "_count") IntegerType count,
			@OperationParam(name = "_offset") IntegerType offset,
			RequestDetails request) {
		int pageSize = count == null ? DEFAULT_COUNT : Math.min(count.getValue(), MAX_COUNT);
		int start = offset == null ? 0 : offset.getValue();
		if (pageSize < 1 || start < 0) {
			throw new InvalidRequestException("_count must be at least 1 and _offset at least 0");
		}
		List<IBaseResource> versions = patientRecords.records(patient.getIdPart()).stream()
				.flatMap(record -> history(new IdType(record)).stream())
				.sorted(Comparator.comparing(version -> ((Resource) version).getMeta().getLastUpdated(),
						Comparator.nullsLast(Comparator.naturalOrder())))
				.toList();
		Bundle page = new Bundle().setType(Bundle.BundleType.HISTORY).setTotal(versions.size());
		versions.stream().skip(start).limit(pageSize).forEach(version -> page.addEntry(entry((Resource) version)));
		String self = request.getFhirServerBase() + "/Patient/" + patient.getIdPart() + "/$record-history?_count=" + pageSize;
		page.addLink().setRelation("self").setUrl(self + "&_offset=" + start);
		if (start + pageSize < versions.size()) {
			page.addLink().setRelation("next").setUrl(self + "&_offset=" + (start + pageSize));
		}
		return page;
	}

	private List<IBaseResource> history(IdType record) {
		return daoRegistry.getResourceDao(record.getResourceType())
				.history(record, new HistorySearchDateRangeParam(), new SystemRequestDetails())
				.getAllResources();
	}

	private static Bundle.BundleEntryComponent entry(Resource version) {
		IdType id = version.getIdElement();
		boolean deleted = ResourceMetadataKeyEnum.DELETED_AT.get(version) != null;
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent();
		entry.setFullUrl(id.toUnqualifiedVersionless().getValue());
		entry.getRequest()
				.setMethod(deleted ? Bundle.HTTPVerb.DELETE : "1".equals(id.getVersionIdPart()) ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT)
				.setUrl(id.toUnqualifiedVersionless().getValue());
		entry.getResponse()
				.setStatus(deleted ? "204" : "1".equals(id.getVersionIdPart()) ? "201" : "200")
				.setEtag("W/\"" + id.getVersionIdPart() + "\"")
				.setLastModified(version.getMeta().getLastUpdated());
		if (!deleted) {
			entry.setResource(version);
		}
		return entry;
	}
}
