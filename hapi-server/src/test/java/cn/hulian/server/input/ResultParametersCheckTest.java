package cn.hulian.server.input;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultParametersCheckTest {

	private final ResultParametersCheck check = new ResultParametersCheck();

	@Test
	void valuesFhirDefinesPass() {
		assertThatCode(() -> check.checkResultParameters(request("_summary", "count"))).doesNotThrowAnyException();
		assertThatCode(() -> check.checkResultParameters(request("_total", "accurate"))).doesNotThrowAnyException();
		assertThatCode(() -> check.checkResultParameters(request("_elements", "identifier,name, Patient.birthDate")))
				.doesNotThrowAnyException();
	}

	@Test
	void anythingElseIsRefusedWithTheParameterNamed() {
		assertThatThrownBy(() -> check.checkResultParameters(request("_summary", "1; DROP TABLE x")))
				.isInstanceOf(InvalidRequestException.class).hasMessageContaining("_summary=1; DROP TABLE x");
		assertThatThrownBy(() -> check.checkResultParameters(request("_total", "all")))
				.isInstanceOf(InvalidRequestException.class).hasMessageContaining("accurate, estimate, none");
		assertThatThrownBy(() -> check.checkResultParameters(request("_elements", "name;drop")))
				.isInstanceOf(InvalidRequestException.class).hasMessageContaining("_elements=name;drop");
	}

	private static SystemRequestDetails request(String name, String value) {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setParameters(Map.of(name, new String[] {value}));
		return request;
	}
}
