package cn.hulian.server.bulkexport;

import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Optional;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PrimitiveType;

/** What a {@code $export-poll-status} request asks about. */
final class PollRequests {

	private PollRequests() {}

	/** The job polled: {@code _jobId} from the URL, or from the Parameters a POST carries. */
	static Optional<String> jobId(RequestDetails request) {
		String[] inUrl = request.getParameters().get(JpaConstants.PARAM_EXPORT_POLL_STATUS_JOB_ID);
		if (inUrl != null && inUrl.length > 0 && !inUrl[0].isBlank()) {
			return Optional.of(inUrl[0]);
		}
		if (request.getResource() instanceof Parameters parameters
				&& parameters.getParameterValue(JpaConstants.PARAM_EXPORT_POLL_STATUS_JOB_ID) instanceof PrimitiveType<?> value
				&& value.hasValue()) {
			return Optional.of(value.getValueAsString());
		}
		return Optional.empty();
	}
}
