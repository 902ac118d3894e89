package cn.hulian.server.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the request being handled on this thread. Empty for the server's own work (package installation,
 * background jobs), which runs without a request.
 */
public final class Callers {

	private Callers() {}

	public static Optional<Caller> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof CallerAuthentication callerAuthentication
				? Optional.of(callerAuthentication.caller())
				: Optional.empty();
	}
}
