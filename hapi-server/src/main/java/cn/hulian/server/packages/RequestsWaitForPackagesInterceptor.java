package cn.hulian.server.packages;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.errors.ServiceUnavailableException;
import cn.hulian.server.i18n.Messages;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Holds FHIR requests (all but {@code metadata}) until the bundled packages are installed, so that no write is
 * accepted before the profiles that validate it are known. After start-up this waits at most a few seconds, once.
 */
@Component
@Interceptor
public class RequestsWaitForPackagesInterceptor implements FhirServerInterceptor {

	private static final Duration MAX_WAIT = Duration.ofMinutes(2);

	private final FhirPackageReadiness readiness;

	public RequestsWaitForPackagesInterceptor(FhirPackageReadiness readiness) {
		this.readiness = readiness;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void awaitPackages(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation == RestOperationTypeEnum.METADATA || readiness.isInstalled()) {
			return;
		}
		try {
			readiness.await(MAX_WAIT);
			return;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (TimeoutException | ExecutionException notInstalled) {
			// answered below
		}
		throw new ServiceUnavailableException(Messages.get(request.getHeader("Accept-Language"), "packages.not-ready"));
	}
}
