package cn.hulian.server.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a FHIR response in as few network writes as Tomcat's buffer allows. HAPI writes JSON through Jackson, which
 * flushes its writer after every value it writes; each flush of the servlet writer sends a chunk over the socket.
 * Profiling showed a third of a search's CPU in those writes. Here the writer ignores those flushes: Tomcat sends its
 * buffer when it is full and the rest when the response ends (or when the writer is closed).
 */
class FlushOnceFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new WriterWithoutFlushes(response));
	}

	private static final class WriterWithoutFlushes extends HttpServletResponseWrapper {

		private PrintWriter writer;

		WriterWithoutFlushes(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				writer = new PrintWriter(new IgnoringFlush(super.getWriter()));
			}
			return writer;
		}
	}

	private static final class IgnoringFlush extends FilterWriter {

		IgnoringFlush(Writer servletWriter) {
			super(servletWriter);
		}

		@Override
		public void flush() {
			// Tomcat's buffer is sent when full and when the response ends.
		}
	}
}
