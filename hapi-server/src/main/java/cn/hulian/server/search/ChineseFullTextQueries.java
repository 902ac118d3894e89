package cn.hulian.server.search;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Rewrites the values of the full-text search parameters {@code _content} and {@code _text} so that Chinese words are
 * searched as phrases ({@link ChineseText#asQuery}), before HAPI reads them. {@code :text} searches on codes are not
 * touched: HAPI runs those in the database, where a quoted word would be taken literally.
 */
@Component
class ChineseFullTextQueries implements FhirServerInterceptor {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean rewrite(RequestDetails request) {
		Map<String, String[]> parameters = request.getParameters();
		if (parameters.keySet().stream().noneMatch(ChineseFullTextQueries::isFullText)) {
			return true;
		}
		Map<String, String[]> rewritten = new LinkedHashMap<>();
		parameters.forEach((name, values) -> rewritten.put(name, isFullText(name)
				? Arrays.stream(values).map(ChineseFullTextQueries::alternatives).toArray(String[]::new)
				: values));
		request.setParameters(rewritten);
		return true;
	}

	static boolean isFullText(String parameter) {
		return parameter.equals("_content") || parameter.equals("_text");
	}

	/** Comma-separated alternatives, each rewritten; an escaped comma ({@code \,}) belongs to its value. */
	private static String alternatives(String value) {
		return Arrays.stream(value.split("(?<!\\\\),", -1)).map(ChineseText::asQuery).collect(Collectors.joining(","));
	}
}
