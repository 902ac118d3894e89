package cn.hulian.server.input;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code _summary}, {@code _total} and {@code _elements} must hold values FHIR defines, checked before HAPI runs the
 * request: HAPI ignores a value it does not know and answers as if it had not been sent, so a client's mistake (or a
 * probe) would go unnoticed.
 */
@Component
class ResultParametersCheck implements FhirServerInterceptor {

	private static final Map<String, Set<String>> ALLOWED = Map.of(
			"_summary", Set.of("true", "false", "text", "data", "count"),
			"_total", Set.of("none", "estimate", "accurate"));
	/** Element names, optionally with their type first ({@code Patient.name}), or {@code *}. */
	private static final Pattern ELEMENTS =
			Pattern.compile("\\*|[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z*][A-Za-z0-9]*)?(,(\\*|[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z*][A-Za-z0-9]*)?))*");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean checkResultParameters(RequestDetails request) {
		ALLOWED.forEach((name, allowed) -> {
			for (String value : values(request, name)) {
				if (!allowed.contains(value)) {
					throw invalid(request, "input.invalid-parameter-value", name, value,
							String.join(", ", allowed.stream().sorted().toList()));
				}
			}
		});
		for (String name : new String[] {"_elements", "_elements:exclude"}) {
			for (String value : values(request, name)) {
				if (!ELEMENTS.matcher(value.replace(" ", "")).matches()) {
					throw invalid(request, "input.invalid-elements", name, value);
				}
			}
		}
		return true;
	}

	private static String[] values(RequestDetails request, String name) {
		String[] values = request.getParameters().get(name);
		return values == null ? new String[0] : values;
	}

	private static InvalidRequestException invalid(RequestDetails request, String key, Object... arguments) {
		return new InvalidRequestException(Messages.get(request.getHeader("Accept-Language"), key, arguments));
	}
}
