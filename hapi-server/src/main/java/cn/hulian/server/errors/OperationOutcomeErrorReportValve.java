package cn.hulian.server.errors;

import java.io.IOException;
import java.util.Objects;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report as an OperationOutcome instead of its HTML page, for what Tomcat refuses before the request
 * reaches the web application: malformed request lines, characters not allowed in a URL, {@code %2F} and {@code %00}
 * in paths. Installed on the host by {@link TomcatErrorReports}.
 */
public class OperationOutcomeErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(OperationOutcomeErrorReportValve.class);

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// As Tomcat's own report: only errors, only when nothing was written and no one reported the error yet.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		// A request line Tomcat could not parse has no URI.
		String uri = Objects.toString(request.getRequestURI(), "(unreadable request line)");
		if (status >= 500) {
			log.error("{} {} failed with {}", request.getMethod(), uri, status, throwable);
		} else {
			log.info("Refused {} {} with {}: {}", request.getMethod(), uri, status, response.getMessage());
		}
		try {
			OperationOutcomeResponse.sendForStatus(request.getHeader("Accept-Language"), response, status);
		} catch (IOException | IllegalStateException cannotWrite) {
			log.debug("Could not write the error report", cannotWrite);
		}
	}
}
