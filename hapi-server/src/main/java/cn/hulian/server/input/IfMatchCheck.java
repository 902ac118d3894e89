package cn.hulian.server.input;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** {@code If-Match} must be a version ETag ({@code W/"3"}): HAPI fails with 500 on anything else. */
@Component
class IfMatchCheck implements FhirServerInterceptor {

	private static final Pattern VERSION_ETAG = Pattern.compile("(W/)?\"\\d{1,18}\"");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean checkIfMatch(RequestDetails request) {
		String ifMatch = request.getHeader("If-Match");
		if (ifMatch != null && !VERSION_ETAG.matcher(ifMatch.trim()).matches()) {
			throw new InvalidRequestException(Messages.get(request.getHeader("Accept-Language"), "input.if-match", ifMatch));
		}
		return true;
	}
}
