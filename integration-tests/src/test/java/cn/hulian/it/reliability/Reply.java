package cn.hulian.it.reliability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's answer to one request: status 0 when there was none (connection refused or reset, time-out), with how
 * long it took.
 */
record Reply(int status, String body, long millis) {

	private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern VERSION = Pattern.compile("\"versionId\"\\s*:\\s*\"(\\d+)\"");

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	boolean isClientError() {
		return status >= 400 && status < 500;
	}

	boolean isServerError() {
		return status >= 500;
	}

	boolean isOperationOutcome() {
		return body.contains("\"resourceType\":\"OperationOutcome\"") && body.contains("\"issue\"");
	}

	/** {@code Bundle.total} of a search answer. */
	int total() {
		Matcher total = TOTAL.matcher(body);
		if (!total.find()) {
			throw new IllegalStateException("No total in " + this);
		}
		return Integer.parseInt(total.group(1));
	}

	/** Whether this is a search answer that found something. */
	boolean isSuccessWithMatches() {
		Matcher total = TOTAL.matcher(body);
		return isSuccess() && total.find() && Integer.parseInt(total.group(1)) > 0;
	}

	/** Whether this is a search answer that found nothing ({@code Bundle.total} 0). */
	boolean findsNothing() {
		Matcher total = TOTAL.matcher(body);
		return total.find() && Integer.parseInt(total.group(1)) == 0;
	}

	/** The id of the resource a create or read answered with (its first {@code id}). */
	String id() {
		Matcher id = ID.matcher(body);
		if (!id.find()) {
			throw new IllegalStateException("No id in " + this);
		}
		return id.group(1);
	}

	/** {@code meta.versionId} of a read or update answer. */
	int versionId() {
		Matcher version = VERSION.matcher(body);
		if (!version.find()) {
			throw new IllegalStateException("No versionId in " + this);
		}
		return Integer.parseInt(version.group(1));
	}

	@Override
	public String toString() {
		return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
	}
}
