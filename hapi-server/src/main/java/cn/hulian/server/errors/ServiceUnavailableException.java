package cn.hulian.server.errors;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;

/** 503 with an OperationOutcome: a service the request needs is not available now. HAPI has no exception for it. */
public class ServiceUnavailableException extends BaseServerResponseException {

	public ServiceUnavailableException(String message) {
		super(503, message);
	}

	/** With a {@code Retry-After} header: when the client may try again. */
	public ServiceUnavailableException(String message, Duration retryAfter) {
		this(message);
		addResponseHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
	}
}
