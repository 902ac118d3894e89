package cn.hulian.server.bulkexport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.interceptor.binary.BinarySecurityContextInterceptor;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import org.hl7.fhir.instance.model.api.IBaseBinary;
import org.springframework.stereotype.Component;

/**
 * An export's NDJSON files (Binaries whose security context names their requester, see
 * {@link ExportJobsBelongToTheirRequester}) are read or changed by that requester only, whatever the caller's scopes
 * allow on Binary; anyone else gets 403, on a read and on a search that would show one.
 */
@Component
class ExportFilesBelongToTheirRequester extends BinarySecurityContextInterceptor implements FhirServerInterceptor {

	ExportFilesBelongToTheirRequester(FhirContext fhirContext) {
		super(fhirContext);
	}

	@Override
	protected void applyAccessControl(IBaseBinary binary, String system, String value, RequestDetails request) {
		if (request instanceof SystemRequestDetails || (ExportRequester.SYSTEM.equals(system) && ExportRequester.isCurrentCaller(value))) {
			return;
		}
		throw new ForbiddenOperationException(Messages.get(request.getHeader("Accept-Language"),
				"bulk-export.file-of-other-requester", binary.getIdElement().toUnqualifiedVersionless().getValue()));
	}
}
