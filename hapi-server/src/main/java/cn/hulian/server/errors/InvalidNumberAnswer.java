package cn.hulian.server.errors;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * Answers 400 where HAPI lets a client's malformed number through to a parser and answers 500 with the exception
 * ({@code Observation?value-quantity=1;x}, {@code $everything?_count=abc}): the number came from the request.
 */
@Component
class InvalidNumberAnswer implements FhirServerInterceptor {

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException answer(RequestDetails request, Throwable failure) {
		if (failure instanceof BaseServerResponseException answered && answered.getStatusCode() < 500) {
			return null;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof NumberFormatException invalid) {
				return new InvalidRequestException(Messages.get(request.getHeader("Accept-Language"),
						"request.invalid-number", invalid.getMessage()));
			}
		}
		return null;
	}
}
