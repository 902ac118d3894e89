package cn.hulian.server.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.FilterChain;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class Utf8RequestFilterTest {

	private static final byte[] CHINESE_PATIENT =
			"{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"孙😀\"}]}".getBytes(StandardCharsets.UTF_8);

	@ParameterizedTest
	@ValueSource(ints = {1, 2, 3, 5, 8192})
	void readsAWellFormedBodyInChunksOfAnySize(int chunk) throws Exception {
		assertThat(readThroughFilter("application/fhir+json", CHINESE_PATIENT, chunk)).isEqualTo(CHINESE_PATIENT);
	}

	@ParameterizedTest
	@ValueSource(ints = {1, 2, 3, 5, 8192})
	void stopsAMalformedBodyAtItsFirstBadByteWhereverTheChunksEnd(int chunk) {
		// 孙 takes bytes 11 to 13, the bad byte is the 14th.
		byte[] body = "{\"family\":\"孙?\"}".getBytes(StandardCharsets.UTF_8);
		body[14] = (byte) 0xFF;

		assertThatThrownBy(() -> readThroughFilter("application/fhir+json; charset=UTF-8", body, chunk))
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("not valid UTF-8 (at byte 14)");
	}

	@Test
	void refusesABodyCutOffInsideACharacter() {
		byte[] cut = "{\"family\":\"孙".getBytes(StandardCharsets.UTF_8);
		byte[] body = Arrays.copyOf(cut, cut.length - 1);

		assertThatThrownBy(() -> readThroughFilter("application/fhir+xml", body, 4))
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("at byte 11");
	}

	@Test
	void leavesACompressedBodyToHapi() throws Exception {
		byte[] gzipped = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xFF};
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fhir/Patient");
		request.setContentType("application/fhir+json");
		request.addHeader("Content-Encoding", "gzip");
		request.setContent(gzipped);
		ByteArrayOutputStream read = new ByteArrayOutputStream();

		new Utf8RequestFilter().doFilter(request, new MockHttpServletResponse(),
				(req, res) -> req.getInputStream().transferTo(read));

		assertThat(read.toByteArray()).isEqualTo(gzipped);
	}

	@Test
	void leavesBinaryContentAlone() throws Exception {
		byte[] image = {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF, (byte) 0xFE};

		assertThat(readThroughFilter("image/png", image, 2)).isEqualTo(image);
	}

	@Test
	void refusesAQueryStringThatIsNotUtf8InTheClientsLanguage() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
		request.setQueryString("name=%ff%fe");
		request.addHeader("Accept-Language", "zh-CN");
		MockHttpServletResponse response = new MockHttpServletResponse();

		new Utf8RequestFilter().doFilter(request, response, (req, res) -> {
			throw new AssertionError("HAPI must not see the request");
		});

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo("application/fhir+json;charset=UTF-8");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("查询字符串不是有效的百分号编码 UTF-8（第 5 个字符处）");
	}

	/** What HAPI would read of {@code body} through the filter, reading {@code chunk} bytes at a time. */
	private static byte[] readThroughFilter(String contentType, byte[] body, int chunk) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fhir/Patient");
		request.setContentType(contentType);
		request.setContent(body);
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		FilterChain hapi = (req, res) -> {
			InputStream in = req.getInputStream();
			byte[] buffer = new byte[chunk];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				read.write(buffer, 0, n);
			}
		};
		new Utf8RequestFilter().doFilter(request, new MockHttpServletResponse(), hapi);
		return read.toByteArray();
	}
}
