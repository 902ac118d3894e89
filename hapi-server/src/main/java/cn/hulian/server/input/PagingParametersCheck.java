package cn.hulian.server.input;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code _count} and {@code _offset} must be non-negative integers on every FHIR request, checked before HAPI runs it:
 * HAPI takes {@code _count=-1} on a search and fails with 500 on {@code _count=abc} in operations such as
 * {@code $everything}.
 */
@Component
class PagingParametersCheck implements FhirServerInterceptor {

	private static final List<String> NON_NEGATIVE_INTEGERS = List.of("_count", "_offset");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean checkPagingParameters(RequestDetails request) {
		for (String name : NON_NEGATIVE_INTEGERS) {
			String[] values = request.getParameters().get(name);
			for (String value : values == null ? new String[0] : values) {
				if (!isNonNegativeInt(value)) {
					throw new InvalidRequestException(
							Messages.get(request.getHeader("Accept-Language"), "input.not-a-count", name, value));
				}
			}
		}
		return true;
	}

	static boolean isNonNegativeInt(String value) {
		// Ten digits at most, so the value fits a long before it is compared with the int range.
		return !value.isEmpty()
				&& value.length() <= 10
				&& value.chars().allMatch(c -> c >= '0' && c <= '9')
				&& Long.parseLong(value) <= Integer.MAX_VALUE;
	}
}
