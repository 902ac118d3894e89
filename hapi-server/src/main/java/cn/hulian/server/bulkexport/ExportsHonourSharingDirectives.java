package cn.hulian.server.bulkexport;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import cn.hulian.server.consent.SharingDirectives;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * An export leaves out what a search by its requester would: records withheld by a patient's sharing directive from
 * the requester's institution (a platform acting for none is withheld from every record with a source). The export
 * job runs in the background without a request, so this hook sits on HAPI's own interceptor service, not on the FHIR
 * endpoint, and takes the requester from the job.
 */
@Component
class ExportsHonourSharingDirectives {

	private final SharingDirectives directives;

	ExportsHonourSharingDirectives(SharingDirectives directives, IInterceptorService interceptors) {
		this.directives = directives;
		interceptors.registerInterceptor(this);
	}

	@Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
	public boolean include(BulkExportJobParameters job, IBaseResource record) {
		return ExportRequester.decode(job.getBinarySecurityContextIdentifierValue())
				.filter(requester -> requester.role().boundBySharingDirectives())
				.map(requester -> !directives.withhold(record, requester.institution()))
				.orElse(true);
	}
}
