package cn.hulian.server.security;

import ca.uhn.fhir.context.FhirContext;
import cn.hulian.server.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 answers as FHIR clients expect them: an OperationOutcome in the client's language, with the
 * {@code WWW-Authenticate: Bearer} header OAuth2 clients read. Each one is published for the audit trail.
 */
final class SecurityErrorResponses implements AuthenticationEntryPoint {

	private static final Logger log = LoggerFactory.getLogger(SecurityErrorResponses.class);

	private final FhirContext fhirContext;
	private final ApplicationEventPublisher events;
	private final BearerTokenAuthenticationEntryPoint bearerHeader = new BearerTokenAuthenticationEntryPoint();

	SecurityErrorResponses(FhirContext fhirContext, ApplicationEventPublisher events) {
		this.fhirContext = fhirContext;
		this.events = events;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
			throws IOException {
		bearerHeader.commence(request, response, refusal);
		boolean tokenSent = request.getHeader("Authorization") != null;
		String language = request.getHeader("Accept-Language");
		String message = tokenSent
				? Messages.get(language, "security.invalid-token", refusal.getMessage())
				: Messages.get(language, "security.authentication-required");
		log.info("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
				tokenSent ? refusal.getMessage() : "no bearer token");
		events.publishEvent(new AuthenticationRefused(request.getMethod(), pathAndQuery(request), request.getRemoteAddr(),
				tokenSent ? refusal.getMessage() : "no bearer token"));
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.LOGIN)
				.setDiagnostics(message);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
	}

	private static String pathAndQuery(HttpServletRequest request) {
		return request.getQueryString() == null
				? request.getRequestURI()
				: request.getRequestURI() + "?" + request.getQueryString();
	}
}
