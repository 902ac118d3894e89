package cn.hulian.server.bulkexport;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.provider.ProviderConstants;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.security.Callers;
import org.springframework.stereotype.Component;

/**
 * An export job is its requester's: the kick-off stamps the requester on the job (HAPI copies it into each output
 * Binary's security context, checked by {@link ExportFilesBelongToTheirRequester}), and only that requester may poll
 * or cancel the job. HAPI 8.8 itself lets anyone allowed to call {@code $export-poll-status} poll any job.
 */
@Component
class ExportJobsBelongToTheirRequester implements FhirServerInterceptor {

	private static final String BULK_EXPORT_JOB = "BULK_EXPORT";

	private final IJobCoordinator jobs;

	ExportJobsBelongToTheirRequester(IJobCoordinator jobs) {
		this.jobs = jobs;
	}

	@Hook(Pointcut.STORAGE_PRE_INITIATE_BULK_EXPORT)
	public void stampRequester(BulkExportJobParameters job) {
		Callers.current().map(ExportRequester::of).ifPresent(requester -> {
			job.setBinarySecurityContextIdentifierSystem(ExportRequester.SYSTEM);
			job.setBinarySecurityContextIdentifierValue(requester.encoded());
		});
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void checkPoll(RequestDetails request) {
		if (!ProviderConstants.OPERATION_EXPORT_POLL_STATUS.equals(request.getOperation())) {
			return;
		}
		String language = request.getHeader("Accept-Language");
		String jobId = PollRequests.jobId(request)
				.orElseThrow(() -> new InvalidRequestException(Messages.get(language, "bulk-export.job-id-required",
						JpaConstants.PARAM_EXPORT_POLL_STATUS_JOB_ID)));
		JobInstance job = jobs.getInstance(jobId);
		if (!BULK_EXPORT_JOB.equals(job.getJobDefinitionId())) {
			throw new ResourceNotFoundException(Messages.get(language, "bulk-export.unknown-job", jobId));
		}
		String requester = job.getParameters(BulkExportJobParameters.class).getBinarySecurityContextIdentifierValue();
		if (!ExportRequester.isCurrentCaller(requester)) {
			throw new ForbiddenOperationException(Messages.get(language, "bulk-export.other-requester", jobId));
		}
	}
}
