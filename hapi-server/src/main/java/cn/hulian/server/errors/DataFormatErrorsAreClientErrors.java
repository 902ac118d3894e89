package cn.hulian.server.errors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * A value HAPI cannot parse in a search parameter ({@code birthdate=gt2020-13-45}) is the client's mistake: HAPI
 * answers it with 400 but logs it at ERROR with a stack trace, as a server fault. Turned into the 400 it is before HAPI
 * logs it.
 */
@Component
class DataFormatErrorsAreClientErrors implements FhirServerInterceptor {

	@Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -1)
	public BaseServerResponseException asBadRequest(Throwable exception) {
		return exception instanceof DataFormatException badValue ? new InvalidRequestException(badValue.getMessage()) : null;
	}
}
