package cn.hulian.server.input;

/**
 * Checks a query string: every {@code %} is followed by two hex digits, and the bytes they encode, with the literal
 * ones, are well-formed UTF-8. Positions are those of the encoded text; a malformed character is reported where its
 * first byte, or its {@code %}, stands.
 */
final class PercentEncodedUtf8 {

	private final Utf8Validator decoded = new Utf8Validator();
	private int hexDigitsExpected;
	private int escapedByte;
	private long escapeStart;
	private long malformedAt = -1;

	/**
	 * Where {@code text} stops being well-formed, or -1. Tomcat refuses request lines with raw non-ASCII bytes, so each
	 * char of a query string stands for one byte.
	 */
	static long malformedAt(String text) {
		PercentEncodedUtf8 check = new PercentEncodedUtf8();
		for (int i = 0; i < text.length(); i++) {
			if (!check.accept(text.charAt(i), i)) {
				return check.malformedAt;
			}
		}
		return check.acceptEnd() ? -1 : check.malformedAt;
	}

	private boolean accept(int b, long position) {
		if (hexDigitsExpected > 0) {
			int digit = Character.digit(b, 16);
			if (digit < 0) {
				malformedAt = escapeStart;
				return false;
			}
			escapedByte = escapedByte * 16 + digit;
			return --hexDigitsExpected > 0 || check(decoded.accept(escapedByte, escapeStart));
		}
		if (b == '%') {
			hexDigitsExpected = 2;
			escapedByte = 0;
			escapeStart = position;
			return true;
		}
		return check(decoded.accept(b, position));
	}

	private boolean acceptEnd() {
		if (hexDigitsExpected > 0) {
			malformedAt = escapeStart;
			return false;
		}
		return check(decoded.acceptEnd());
	}

	private boolean check(boolean wellFormed) {
		if (!wellFormed) {
			malformedAt = decoded.malformedAt();
		}
		return wellFormed;
	}
}
