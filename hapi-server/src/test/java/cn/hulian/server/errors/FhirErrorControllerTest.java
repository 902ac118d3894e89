package cn.hulian.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class FhirErrorControllerTest {

	private final FhirErrorController controller = new FhirErrorController(new DefaultErrorAttributes());

	@Test
	void anExceptionThatEscapedHapiIsA500WithoutItsCause() throws Exception {
		MockHttpServletRequest request = errorDispatch(500);
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret table hfj_resource"));
		MockHttpServletResponse response = new MockHttpServletResponse();

		controller.renderError(request, response);

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentType()).isEqualTo("application/fhir+json;charset=UTF-8");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
				.contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"exception\"", "the cause is in the server log")
				.doesNotContain("IllegalStateException", "hfj_resource", "at cn.");
	}

	@Test
	void aRefusedRequestKeepsItsStatusAndIsAnsweredInChineseWhenAsked() throws Exception {
		MockHttpServletRequest request = errorDispatch(400);
		request.addHeader("Accept-Language", "zh");
		MockHttpServletResponse response = new MockHttpServletResponse();

		controller.renderError(request, response);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("服务器无法读取此请求（HTTP 400）");
	}

	private static MockHttpServletRequest errorDispatch(int status) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/fhir/Patient");
		return request;
	}
}
