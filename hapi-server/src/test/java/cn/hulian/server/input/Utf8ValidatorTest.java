package cn.hulian.server.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

	@Test
	void acceptsAsciiChineseAndCharactersBeyondTheBasicPlane() {
		assertThat(malformedAt("{\"family\":\"孙\",\"note\":\"😀 é\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
		assertThat(malformedAt(bytes(0xF4, 0x8F, 0xBF, 0xBF))).as("U+10FFFF").isEqualTo(-1);
	}

	@Test
	void findsAMultiByteCharacterSplitAcrossAnyTwoChunksWellFormed() {
		byte[] text = "a孙😀b".getBytes(StandardCharsets.UTF_8);
		for (int split = 0; split <= text.length; split++) {
			Utf8Validator validator = new Utf8Validator();
			feed(validator, text, 0, split);
			feed(validator, text, split, text.length);
			assertThat(validator.acceptEnd()).as("split at %d", split).isTrue();
		}
	}

	@Test
	void reportsWhereTheMalformedCharacterStarts() {
		byte[] body = "{\"family\":\"\u00ff\u00fe\u00c3\"}".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(malformedAt(body)).isEqualTo(11);
		assertThat(malformedAt(bytes('a', 0xE5, 0xAD, 'b'))).as("character cut short").isEqualTo(1);
		assertThat(malformedAt(bytes('a', 0x80))).as("continuation byte without a lead").isEqualTo(1);
	}

	@Test
	void refusesOverlongEncodings() {
		assertThat(malformedAt(bytes(0xC0, 0xAF))).as("'/' in two bytes").isEqualTo(0);
		assertThat(malformedAt(bytes(0xC1, 0xBF))).isEqualTo(0);
		assertThat(malformedAt(bytes(0xE0, 0x80, 0xAF))).as("'/' in three bytes").isEqualTo(0);
		assertThat(malformedAt(bytes(0xF0, 0x80, 0x80, 0xAF))).as("'/' in four bytes").isEqualTo(0);
	}

	@Test
	void refusesSurrogatesAndCodePointsBeyondUnicode() {
		assertThat(malformedAt(bytes('x', 0xED, 0xA0, 0x80))).as("U+D800").isEqualTo(1);
		assertThat(malformedAt(bytes(0xED, 0xBF, 0xBF))).as("U+DFFF").isEqualTo(0);
		assertThat(malformedAt(bytes(0xF4, 0x90, 0x80, 0x80))).as("U+110000").isEqualTo(0);
		assertThat(malformedAt(bytes(0xF5, 0x80, 0x80, 0x80))).isEqualTo(0);
		assertThat(malformedAt(bytes(0xFF))).isEqualTo(0);
	}

	@Test
	void refusesACharacterCutOffByTheEndOfTheInput() {
		assertThat(malformedAt(bytes('o', 'k', 0xF0, 0x9F, 0x98))).isEqualTo(2);
	}

	private static long malformedAt(byte[] input) {
		Utf8Validator validator = new Utf8Validator();
		if (!feed(validator, input, 0, input.length)) {
			return validator.malformedAt();
		}
		return validator.acceptEnd() ? -1 : validator.malformedAt();
	}

	private static boolean feed(Utf8Validator validator, byte[] input, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!validator.accept(input[i] & 0xFF, i)) {
				return false;
			}
		}
		return true;
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}
}
