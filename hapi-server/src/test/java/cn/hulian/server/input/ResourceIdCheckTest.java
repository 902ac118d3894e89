package cn.hulian.server.input;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

class ResourceIdCheckTest {

	private final ResourceIdCheck check = new ResourceIdCheck();

	@Test
	void fhirIdsPass() {
		assertThatCode(() -> check.checkId(request(new IdType("Patient", "1001", "3")))).doesNotThrowAnyException();
		assertThatCode(() -> check.checkId(request(new IdType("Patient", "a".repeat(64))))).doesNotThrowAnyException();
		assertThatCode(() -> check.checkId(new SystemRequestDetails())).doesNotThrowAnyException();
	}

	@Test
	void malformedIdsAreRefused() {
		assertThatThrownBy(() -> check.checkId(request(new IdType("Patient", "a".repeat(65)))))
				.isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a valid resource id");
		assertThatThrownBy(() -> check.checkId(request(new IdType("Patient", "id with spaces"))))
				.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> check.checkId(request(new IdType("Patient", "1", "x;y"))))
				.isInstanceOf(InvalidRequestException.class);
	}

	private static SystemRequestDetails request(IdType id) {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setId(id);
		return request;
	}
}
