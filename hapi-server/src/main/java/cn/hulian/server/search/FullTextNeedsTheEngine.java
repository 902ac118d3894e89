package cn.hulian.server.search;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
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
		boolean fullText = request.getParameters().keySet().stream().anyMatch(ChineseFullTextQueries::isFullText);
		if (fullText && !engine.isReachable()) {
			throw new ServiceUnavailableException(
					Messages.get(request.getHeader("Accept-Language"), "search.engine-unavailable"), RETRY_AFTER);
		}
		return true;
	}
}
