package cn.hulian.server.database;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers a request that failed because the database is unreachable with 503, {@code Retry-After} and a plain reason,
 * instead of HAPI's 500 with the driver's message. The connection pool gives up after
 * {@code spring.datasource.hikari.connection-timeout}, so such a request is answered within that time, and the pool
 * reconnects by itself once the database is back.
 */
@Component
class DatabaseOutageAnswer implements FhirServerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAnswer.class);
	private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException answer(RequestDetails request, Throwable failure) {
		if (!DatabaseOutage.isCauseOf(failure)) {
			return null;
		}
		log.warn("Answered {} {} with 503: the database is unreachable ({})", request.getRequestType(),
				request.getRequestPath(), failure.toString());
		return new DatabaseUnavailableException(
				Messages.get(request.getHeader("Accept-Language"), "database.unavailable"), RETRY_AFTER);
	}
}
