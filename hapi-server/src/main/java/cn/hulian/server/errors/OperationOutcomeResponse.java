package cn.hulian.server.errors;

import ca.uhn.fhir.context.FhirContext;
import cn.hulian.server.i18n.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Writes an OperationOutcome answer where HAPI's own exception handling does not reach: servlet filters in front of
 * HAPI, Spring's error page, Spring Security's firewall and Tomcat's error report valve.
 */
public final class OperationOutcomeResponse {

	public static final String CONTENT_TYPE = "application/fhir+json;charset=UTF-8";

	private OperationOutcomeResponse() {}

	/** Answers {@code status} with one error issue of type {@code type} saying {@code diagnostics}. */
	public static void send(HttpServletResponse response, int status, IssueType type, String diagnostics)
			throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE);
		response.getWriter().write(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
	}

	/**
	 * Answers an error {@code status} that nothing more specific explains with a text for its status family. A 5xx
	 * says nothing of its cause: that goes to the log.
	 */
	public static void sendForStatus(String acceptLanguage, HttpServletResponse response, int status) throws IOException {
		if (status >= 500) {
			send(response, status, IssueType.EXCEPTION, Messages.get(acceptLanguage, "errors.server-error", status));
		} else if (status == HttpServletResponse.SC_NOT_FOUND) {
			send(response, status, IssueType.NOTFOUND, Messages.get(acceptLanguage, "errors.not-found"));
		} else {
			send(response, status, IssueType.INVALID, Messages.get(acceptLanguage, "errors.malformed-request", status));
		}
	}
}
