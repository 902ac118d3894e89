package cn.hulian.server.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.junit.jupiter.api.Test;

class RequestsWaitForPackagesInterceptorTest {

	private final FhirPackageReadiness readiness = new FhirPackageReadiness();
	private final RequestsWaitForPackagesInterceptor interceptor = new RequestsWaitForPackagesInterceptor(readiness);

	@Test
	void metadataIsAnsweredWhilePackagesInstall() {
		assertThatCode(() -> interceptor.awaitPackages(new SystemRequestDetails(), RestOperationTypeEnum.METADATA))
				.doesNotThrowAnyException();
	}

	@Test
	void requestsProceedOnceThePackagesAreInstalled() {
		readiness.markInstalled();

		assertThatCode(() -> interceptor.awaitPackages(new SystemRequestDetails(), RestOperationTypeEnum.CREATE))
				.doesNotThrowAnyException();
	}

	@Test
	void requestsAreRefusedWith503WhenInstallationFailed() {
		readiness.markFailed(new IllegalStateException("broken package"));

		assertThatThrownBy(() -> interceptor.awaitPackages(new SystemRequestDetails(), RestOperationTypeEnum.CREATE))
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
	}
}
