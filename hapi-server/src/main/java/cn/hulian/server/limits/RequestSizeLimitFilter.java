package cn.hulian.server.limits;

import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import cn.hulian.server.i18n.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
			writeOperationOutcome(response, tooLargeMessage(request, maxBytes));
			return;
		}
		chain.doFilter(new SizeLimitedRequest(request, maxBytes), response);
	}

	private static String tooLargeMessage(HttpServletRequest request, long maxBytes) {
		return Messages.get(request.getHeader("Accept-Language"), "limits.request-too-large", maxBytes);
	}

	private static void writeOperationOutcome(HttpServletResponse response, String message) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType("application/fhir+json;charset=UTF-8");
		// The body is not read, so the client may still be sending it: ask it to stop.
		response.setHeader("Connection", "close");
		String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
		String body = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"too-costly\","
				+ "\"diagnostics\":\"" + escaped + "\"}]}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static final class SizeLimitedRequest extends HttpServletRequestWrapper {
		private final long maxBytes;
		private ServletInputStream stream;

		SizeLimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingInputStream(super.getInputStream());
			}
			return stream;
		}

		private final class CountingInputStream extends ServletInputStream {
			private final ServletInputStream delegate;
			private long count;

			CountingInputStream(ServletInputStream delegate) {
				this.delegate = delegate;
			}

			@Override
			public int read() throws IOException {
				int next = delegate.read();
				if (next >= 0) {
					count(1);
				}
				return next;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = delegate.read(buffer, offset, length);
				if (read > 0) {
					count(read);
				}
				return read;
			}

			private void count(int read) {
				count += read;
				if (count > maxBytes) {
					// HAPI turns this into a 413 OperationOutcome.
					throw new PayloadTooLargeException(tooLargeMessage(SizeLimitedRequest.this, maxBytes));
				}
			}

			@Override
			public boolean isFinished() {
				return delegate.isFinished();
			}

			@Override
			public boolean isReady() {
				return delegate.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				delegate.setReadListener(listener);
			}
		}
	}
}
