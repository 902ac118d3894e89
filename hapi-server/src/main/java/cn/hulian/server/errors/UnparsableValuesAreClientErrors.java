package cn.hulian.server.errors;

import ca.uhn.fhir.context.ConfigurationException;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.method.OperationParameter;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.i18n.Messages;
import com.github.dnault.xmlpatch.PatchException;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Input HAPI cannot use is the client's mistake, answered 4xx before HAPI logs it as a server fault:
 * <ul>
 *   <li>a search value such as {@code birthdate=gt2020-13-45}, which HAPI answers 400 but logs at ERROR with a
 *       stack trace;</li>
 *   <li>a malformed number HAPI passes on to a parser ({@code Observation?value-quantity=1;x}), which it answers
 *       500 with the parser's exception;</li>
 *   <li>an XML Patch that is not XML or selects nothing, which HAPI answers 500 (422: the patch is well-formed FHIR
 *       input that cannot be applied to this record);</li>
 *   <li>an operation parameter of the wrong kind, such as {@code $validate} with a string where the resource belongs,
 *       which HAPI's parameter binding fails on with a configuration error and answers 500.</li>
 * </ul>
 */
@Component
class UnparsableValuesAreClientErrors implements FhirServerInterceptor {

	@Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -1)
	public BaseServerResponseException asClientError(RequestDetails request, Throwable exception) {
		if (exception instanceof DataFormatException badValue) {
			return new InvalidRequestException(badValue.getMessage());
		}
		if (exception instanceof BaseServerResponseException answered && answered.getStatusCode() < 500) {
			return null;
		}
		String language = request.getHeader("Accept-Language");
		for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof NumberFormatException badNumber) {
				return new InvalidRequestException(Messages.get(language, "request.invalid-number", badNumber.getMessage()));
			}
			if (cause instanceof PatchException badPatch) {
				return new UnprocessableEntityException(Messages.get(language, "request.xml-patch", badPatch.getMessage()));
			}
			if (cause instanceof ConfigurationException && thrownBindingOperationParameters(cause)) {
				return new InvalidRequestException(Messages.get(language, "request.operation-parameter-kind",
						request.getOperation()));
			}
		}
		return null;
	}

	/** HAPI throws a configuration error at request time only where it binds a request's operation parameters. */
	private static boolean thrownBindingOperationParameters(Throwable failure) {
		return Arrays.stream(failure.getStackTrace())
				.anyMatch(frame -> frame.getClassName().equals(OperationParameter.class.getName()));
	}
}
