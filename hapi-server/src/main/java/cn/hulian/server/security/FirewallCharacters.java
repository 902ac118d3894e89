package cn.hulian.server.security;

/**
 * The characters Spring Security's strict firewall allows in header names and values and parameter names (assigned
 * Unicode characters that are not control characters; a tab too in header values), checked with a loop rather than
 * its regular expression: the firewall checks a header each time it is read, several times per request for the
 * Authorization header, and the expression over a token's 800 characters was a twentieth of a simple search's CPU.
 */
final class FirewallCharacters {

	private FirewallCharacters() {}

	static boolean allowedInName(String name) {
		return allowed(name, false);
	}

	static boolean allowedInHeaderValue(String value) {
		return allowed(value, true);
	}

	private static boolean allowed(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length(); ) {
			int codePoint = text.codePointAt(i);
			boolean control = Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t');
			if (control || !Character.isDefined(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}
}
