package cn.hulian.it.reliability;

import java.util.Map;

/**
 * One hostile request and what the server must do with it.
 *
 * @param path relative to the FHIR base, escaped as it goes on the wire
 * @param body null for none
 */
record HostileRequest(String category, String method, String path, Map<String, String> headers, byte[] body,
		Expectation expectation) {

	enum Expectation {
		/** 4xx with an OperationOutcome. */
		REFUSED,
		/** A read: 4xx with an OperationOutcome, or an answer that shows no record (the hostile value matched nothing). */
		MATCHES_NOTHING,
		/** A read: 4xx with an OperationOutcome, or any successful answer (a read changes nothing). */
		HARMLESS_READ;

		boolean isMetBy(Reply reply) {
			if (reply.isClientError()) {
				return reply.isOperationOutcome();
			}
			return switch (this) {
				case REFUSED -> false;
				case MATCHES_NOTHING -> reply.isSuccess() && reply.findsNothing();
				case HARMLESS_READ -> reply.isSuccess();
			};
		}
	}

	@Override
	public String toString() {
		String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
		return category + ": " + method + " " + shown + (body == null ? "" : " (" + body.length + " bytes)");
	}
}
