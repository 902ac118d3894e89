package cn.hulian.it.reliability;

import java.util.UUID;

/** Small records the scenarios write: Basic resources, which no profile or rule constrains beyond FHIR itself. */
final class Records {

	static final String IDENTIFIER_SYSTEM = "http://hulian.cn/fhir/reliability/record";

	private Records() {}

	/** A Basic record with a fresh identifier and {@code text} as its code's text (searchable in full text). */
	static String basic(String text) {
		return """
				{"resourceType":"Basic","identifier":[{"system":"%s","value":"%s"}],"code":{"text":"%s"}}"""
				.formatted(IDENTIFIER_SYSTEM, UUID.randomUUID(), text);
	}

	/** The search for Basic records with identifier {@code value} (the {@code |} escaped, as a URI needs it). */
	static String byIdentifier(String value) {
		return "/Basic?identifier=" + IDENTIFIER_SYSTEM + "%7C" + value;
	}

	/** The same record with {@code id}, for an update. */
	static String basic(String id, String text) {
		return """
				{"resourceType":"Basic","id":"%s","code":{"text":"%s"}}""".formatted(id, text);
	}
}
