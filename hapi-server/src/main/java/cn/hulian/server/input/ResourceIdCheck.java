package cn.hulian.server.input;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/**
 * The id (and version) in a request's URL must be a FHIR id: 1-64 letters, digits, {@code -} and {@code .}. HAPI
 * answers a delete of a malformed id as a successful delete of nothing, and a read as "not found"; both hide the
 * client's mistake.
 */
@Component
class ResourceIdCheck implements FhirServerInterceptor {

	private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean checkId(RequestDetails request) {
		IIdType id = request.getId();
		if (id == null) {
			return true;
		}
		for (String part : new String[] {id.getIdPart(), id.getVersionIdPart()}) {
			if (part != null && !FHIR_ID.matcher(part).matches()) {
				throw new InvalidRequestException(
						Messages.get(request.getHeader("Accept-Language"), "input.invalid-id", part));
			}
		}
		return true;
	}
}
