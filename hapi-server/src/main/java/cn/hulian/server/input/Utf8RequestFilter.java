package cn.hulian.server.input;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.errors.OperationOutcomeResponse;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.input.InspectedBodyRequest.BodyInspector;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses FHIR requests whose text is not UTF-8 with 400, which FHIR requires: Java's decoders would silently store
 * U+FFFD in its place. The query string is checked before HAPI sees it; a JSON, XML or patch body while HAPI reads
 * it, without holding it. Other bodies (a Binary's content) are left alone, and so are form bodies ({@code _search}):
 * Tomcat has parsed those into parameters before HAPI asks for them.
 */
public class Utf8RequestFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String language = request.getHeader("Accept-Language");
		String query = request.getQueryString();
		long malformedAt = query == null ? -1 : PercentEncodedUtf8.malformedAt(query);
		if (malformedAt >= 0) {
			OperationOutcomeResponse.send(response, HttpServletResponse.SC_BAD_REQUEST, IssueType.INVALID,
					Messages.get(language, "input.query-not-utf8", malformedAt));
			return;
		}
		String mediaType = mediaType(request.getContentType());
		// A compressed body is checked by no one here: HAPI decompresses it after reading, and then it parses as UTF-8.
		boolean compressed = request.getHeader("Content-Encoding") != null;
		if (!compressed && (mediaType.endsWith("json") || mediaType.endsWith("xml"))) {
			chain.doFilter(new InspectedBodyRequest(request, new Utf8Body(language)), response);
		} else {
			chain.doFilter(request, response);
		}
	}

	/** The media type without parameters, in lower case: {@code application/fhir+json}, {@code text/xml}, ... */
	private static String mediaType(String contentType) {
		if (contentType == null) {
			return "";
		}
		int parameters = contentType.indexOf(';');
		return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
	}

	/** Refuses the body at its first malformed character, as HAPI reads it (HAPI answers 400 with the message). */
	private static final class Utf8Body implements BodyInspector {
		private final Utf8Validator check = new Utf8Validator();
		private final String language;

		Utf8Body(String language) {
			this.language = language;
		}

		@Override
		public void inspect(byte[] buffer, int offset, int length, long position) {
			for (int i = 0; i < length; i++) {
				if (!check.accept(buffer[offset + i] & 0xFF, position + i)) {
					throw notUtf8();
				}
			}
		}

		@Override
		public void endOfBody(long length) {
			if (!check.acceptEnd()) {
				throw notUtf8();
			}
		}

		private InvalidRequestException notUtf8() {
			return new InvalidRequestException(Messages.get(language, "input.body-not-utf8", check.malformedAt()));
		}
	}
}
