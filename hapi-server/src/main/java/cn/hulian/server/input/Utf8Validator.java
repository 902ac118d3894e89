package cn.hulian.server.input;

/**
 * Checks that bytes are well-formed UTF-8 (Unicode table 3-7: no overlong forms, no surrogates, nothing above
 * U+10FFFF) as they stream past, one at a time, so a character may be split across any two chunks.
 */
final class Utf8Validator {

	private int continuationsExpected;
	// The range the next continuation byte must fall in; only the second byte of a sequence has a narrower one.
	private int low;
	private int high;
	private long sequenceStart;
	private long malformedAt = -1;

	/**
	 * Takes the next byte, found at {@code position} of the input (the caller's count, reported back by
	 * {@link #malformedAt()}). False once the input is not well-formed.
	 */
	boolean accept(int b, long position) {
		if (continuationsExpected == 0) {
			return b < 0x80 || startSequence(b, position);
		}
		if (b < low || b > high) {
			malformedAt = sequenceStart;
			return false;
		}
		continuationsExpected--;
		low = 0x80;
		high = 0xBF;
		return true;
	}

	/** False when the input ended in the middle of a character. */
	boolean acceptEnd() {
		if (continuationsExpected > 0) {
			malformedAt = sequenceStart;
			return false;
		}
		return true;
	}

	/** Where the first malformed character starts, or -1 while the input is well-formed. */
	long malformedAt() {
		return malformedAt;
	}

	private boolean startSequence(int lead, long position) {
		sequenceStart = position;
		if (lead >= 0xC2 && lead <= 0xDF) {
			expect(1, 0x80, 0xBF);
		} else if (lead == 0xE0) {
			expect(2, 0xA0, 0xBF); // below A0 would be an overlong form
		} else if (lead == 0xED) {
			expect(2, 0x80, 0x9F); // above 9F would be a surrogate
		} else if (lead >= 0xE1 && lead <= 0xEF) {
			expect(2, 0x80, 0xBF);
		} else if (lead == 0xF0) {
			expect(3, 0x90, 0xBF); // below 90 would be an overlong form
		} else if (lead >= 0xF1 && lead <= 0xF3) {
			expect(3, 0x80, 0xBF);
		} else if (lead == 0xF4) {
			expect(3, 0x80, 0x8F); // above 8F would be beyond U+10FFFF
		} else {
			malformedAt = position;
			return false;
		}
		return true;
	}

	private void expect(int continuations, int secondLow, int secondHigh) {
		continuationsExpected = continuations;
		low = secondLow;
		high = secondHigh;
	}
}
