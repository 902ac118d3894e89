package cn.hulian.server.bulkexport;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.provider.ProviderConstants;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.List;
import org.hl7.fhir.r4.model.InstantType;
import org.springframework.stereotype.Component;

/**
 * Refuses, with 400, the {@code $export} parameters HAPI would otherwise accept and then fail on: a malformed
 * {@code _since} or {@code _until} (HAPI answers 400 but logs it as a server error) and a {@code _typeFilter} that is
 * not a search of a known type with known parameters (HAPI starts the job and it fails later).
 */
@Component
class ExportParameterChecks implements FhirServerInterceptor {

	private static final List<String> INSTANTS = List.of(JpaConstants.PARAM_EXPORT_SINCE, JpaConstants.PARAM_EXPORT_UNTIL);

	private final FhirContext fhirContext;
	private final MatchUrlService matchUrls;

	ExportParameterChecks(FhirContext fhirContext, MatchUrlService matchUrls) {
		this.fhirContext = fhirContext;
		this.matchUrls = matchUrls;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean checkInstants(RequestDetails request) {
		if (!ProviderConstants.OPERATION_EXPORT.equals(request.getOperation())) {
			return true;
		}
		for (String name : INSTANTS) {
			for (String value : request.getParameters().getOrDefault(name, new String[0])) {
				try {
					new InstantType(value);
				} catch (DataFormatException malformed) {
					throw new InvalidRequestException(Messages.get(request.getHeader("Accept-Language"),
							"bulk-export.bad-instant", name, value));
				}
			}
		}
		return true;
	}

	@Hook(Pointcut.STORAGE_PRE_INITIATE_BULK_EXPORT)
	public void checkTypeFilters(BulkExportJobParameters job, RequestDetails request) {
		for (String filter : job.getFilters()) {
			int query = filter.indexOf('?');
			String type = query < 0 ? "" : filter.substring(0, query);
			if (!fhirContext.getResourceTypes().contains(type)) {
				throw refused(request, filter, "unknown resource type \"" + type + "\"");
			}
			try {
				matchUrls.translateMatchUrl(filter, fhirContext.getResourceDefinition(type));
			} catch (InvalidRequestException | DataFormatException unknownSearch) {
				throw refused(request, filter, unknownSearch.getMessage());
			}
		}
	}

	private static InvalidRequestException refused(RequestDetails request, String filter, String reason) {
		return new InvalidRequestException(Messages.get(request.getHeader("Accept-Language"), "bulk-export.bad-type-filter",
				filter, reason));
	}
}
