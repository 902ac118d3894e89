package cn.hulian.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a verified JWT, with the {@link Caller} read from its claims. */
public final class CallerAuthentication extends AbstractAuthenticationToken {

	private final transient Caller caller;
	private final transient Jwt token;

	CallerAuthentication(Caller caller, Jwt token) {
		super(List.of());
		this.caller = caller;
		this.token = token;
		setAuthenticated(true);
	}

	public Caller caller() {
		return caller;
	}

	@Override
	public Object getCredentials() {
		return token;
	}

	@Override
	public Object getPrincipal() {
		return caller;
	}
}
