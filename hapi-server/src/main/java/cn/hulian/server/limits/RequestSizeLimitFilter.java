package cn.hulian.server.limits;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import cn.hulian.server.errors.OperationOutcomeResponse;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.input.InspectedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses FHIR request bodies above {@link RequestLimitProperties#maxRequestSize()} with 413 and an
 * OperationOutcome. A declared {@code Content-Length} is checked before anything is read; a chunked body is counted
 * while HAPI reads it and fails as soon as it passes the limit, so it is never held in memory whole.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	public RequestSizeLimitFilter(RequestLimitProperties limits) {
		this.maxBytes = limits.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			// The body is not read, so the client may still be sending it: ask it to stop.
			response.setHeader("Connection", "close");
			OperationOutcomeResponse.send(
					response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, IssueType.TOOCOSTLY, tooLargeMessage(request));
			return;
		}
		chain.doFilter(new InspectedBodyRequest(request, (buffer, offset, length, position) -> {
			if (position + length > maxBytes) {
				// HAPI turns this into a 413 OperationOutcome.
				throw new PayloadTooLargeException(tooLargeMessage(request));
			}
		}), response);
	}

	private String tooLargeMessage(HttpServletRequest request) {
		return Messages.get(request.getHeader("Accept-Language"), "limits.request-too-large", maxBytes);
	}
}
