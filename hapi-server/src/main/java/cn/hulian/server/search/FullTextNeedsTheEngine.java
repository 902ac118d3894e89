package cn.hulian.server.search;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.errors.ServiceUnavailableException;
import cn.hulian.server.i18n.Messages;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Answers a {@code _content} or {@code _text} search with 503 and a plain reason while the search engine is down,
 * before HAPI runs it: HAPI would answer 500 with the engine's internals. Reads, writes and other searches go on.
 */
@Component
class FullTextNeedsTheEngine implements FhirServerInterceptor {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private final SearchEngineHealth engine;

	FullTextNeedsTheEngine(SearchEngineHealth engine) {
		this.engine = engine;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean checkEngine(RequestDetails request) {
		if (isFullText(request) && !engine.isReachable()) {
			throw engineUnavailable(request);
		}
		return true;
	}

	/** The engine went down after the check above but before HAPI asked it: still 503, not HAPI's 500. */
	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException engineWentDown(RequestDetails request, Throwable failure) {
		boolean serverFault = !(failure instanceof BaseServerResponseException answered) || answered.getStatusCode() >= 500;
		if (!serverFault || !isFullText(request)) {
			return null;
		}
		engine.recheck();
		return engine.isReachable() ? null : engineUnavailable(request);
	}

	private static boolean isFullText(RequestDetails request) {
		return request.getParameters().keySet().stream().anyMatch(ChineseFullTextQueries::isFullText);
	}

	private static ServiceUnavailableException engineUnavailable(RequestDetails request) {
		return new ServiceUnavailableException(
				Messages.get(request.getHeader("Accept-Language"), "search.engine-unavailable"), RETRY_AFTER);
	}
}
