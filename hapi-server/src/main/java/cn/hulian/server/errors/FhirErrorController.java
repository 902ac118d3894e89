package cn.hulian.server.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Spring's error page ({@code /error}) as an OperationOutcome instead of Spring Boot's JSON: what Tomcat refuses
 * inside the web application (too many parameters) and any exception that escapes HAPI. A 5xx answer says only that
 * the server failed; its cause is logged.
 */
@Controller
class FhirErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(FhirErrorController.class);

	private final ErrorAttributes errorAttributes;

	FhirErrorController(ErrorAttributes errorAttributes) {
		this.errorAttributes = errorAttributes;
	}

	@RequestMapping("/error")
	void renderError(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// Without a status the client asked for /error itself.
		int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
				? code
				: HttpServletResponse.SC_NOT_FOUND;
		Throwable error = errorAttributes.getError(new ServletWebRequest(request));
		Object uri = Objects.requireNonNullElse(
				request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), request.getRequestURI());
		if (status >= 500) {
			log.error("{} {} failed with {}", request.getMethod(), uri, status, error);
		} else {
			log.info("Refused {} {} with {}: {}", request.getMethod(), uri, status,
					error == null ? request.getAttribute(RequestDispatcher.ERROR_MESSAGE) : error.toString());
		}
		OperationOutcomeResponse.sendForStatus(request.getHeader("Accept-Language"), response, status);
	}
}
