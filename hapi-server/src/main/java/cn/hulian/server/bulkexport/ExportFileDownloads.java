package cn.hulian.server.bulkexport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Downloads of export files ({@code GET /fhir/Binary/[id]}) with {@code Accept: application/fhir+ndjson}, as Bulk
 * Data clients send, are handed to HAPI as accepting anything. HAPI answers a Binary with its own content (the
 * NDJSON) either way, but answers an error in the accepted encoding, and it cannot write an OperationOutcome as
 * NDJSON: a refused or expired download got an HTML error page instead of the OperationOutcome.
 */
@Component
class ExportFileDownloads extends OncePerRequestFilter {

	private static final String ACCEPT = "Accept";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String accept = request.getHeader(ACCEPT);
		return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/fhir/Binary/")
				|| accept == null || !accept.contains("ndjson");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getHeader(String name) {
				return ACCEPT.equalsIgnoreCase(name) ? "*/*" : super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of("*/*")) : super.getHeaders(name);
			}
		}, response);
	}
}
