package cn.hulian.server.errors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * A value HAPI cannot parse is the client's mistake, answered 400 before HAPI logs it as a server fault:
 * <ul>
 *   <li>a search value such as {@code birthdate=gt2020-13-45}, which HAPI answers 400 but logs at ERROR with a
 *       stack trace;</li>
 *   <li>a malformed number HAPI passes on to a parser ({@code Observation?value-quantity=1;x}), which it answers
 *       500 with the parser's exception.</li>
 * </ul>
 */
@Component
class UnparsableValuesAreClientErrors implements FhirServerInterceptor {

	@Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -1)
	public BaseServerResponseException asBadRequest(RequestDetails request, Throwable exception) {
		if (exception instanceof DataFormatException badValue) {
			return new InvalidRequestException(badValue.getMessage());
		}
		if (exception instanceof BaseServerResponseException answered && answered.getStatusCode() < 500) {
			return null;
		}
		for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof NumberFormatException badNumber) {
				return new InvalidRequestException(Messages.get(request.getHeader("Accept-Language"),
						"request.invalid-number", badNumber.getMessage()));
			}
		}
		return null;
	}
}
