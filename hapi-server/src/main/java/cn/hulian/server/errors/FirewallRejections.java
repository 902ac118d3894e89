package cn.hulian.server.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 400 with an OperationOutcome for what Spring Security's firewall refuses ({@code ..} segments, encoded slashes,
 * control characters): Spring Security finds this bean and uses it instead of its bare 400.
 */
@Component
class FirewallRejections implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejection)
			throws IOException {
		log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejection.getMessage());
		OperationOutcomeResponse.sendForStatus(
				request.getHeader("Accept-Language"), response, HttpServletResponse.SC_BAD_REQUEST);
	}
}
