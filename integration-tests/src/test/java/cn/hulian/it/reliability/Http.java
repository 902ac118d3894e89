package cn.hulian.it.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plain HTTP to the server's FHIR endpoint as one client, with a bearer token that is fetched again when the server
 * no longer knows it (its built-in issuer gets a new key at every start). Bytes go out exactly as given, so hostile
 * bodies and paths are sent unaltered.
 */
final class Http {

	static final Duration TIMEOUT = Duration.ofSeconds(60);
	private static final String FHIR_JSON = "application/fhir+json";

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String fhirBaseUrl;
	private final Supplier<String> tokens;
	private volatile String token;

	Http(String fhirBaseUrl, Supplier<String> tokens) {
		this.fhirBaseUrl = fhirBaseUrl;
		this.tokens = tokens;
	}

	Reply get(String pathAndQuery) {
		return send("GET", pathAndQuery, Map.of(), null);
	}

	/** A search answered afresh, not from the server's cache of recent searches (which a poll would keep hitting). */
	Reply search(String pathAndQuery) {
		return send("GET", pathAndQuery, Map.of("Cache-Control", "no-cache"), null);
	}

	Reply post(String pathAndQuery, String json) {
		return send("POST", pathAndQuery, Map.of("Content-Type", FHIR_JSON), json.getBytes(StandardCharsets.UTF_8));
	}

	Reply put(String pathAndQuery, String json, Map<String, String> headers) {
		Map<String, String> all = new HashMap<>(headers);
		all.put("Content-Type", FHIR_JSON);
		return send("PUT", pathAndQuery, all, json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@code pathAndQuery} relative to the FHIR base, sent as written (already escaped as the caller wants it);
	 * {@code body} null for none.
	 */
	Reply send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
		try {
			Reply reply = sendOnce(method, pathAndQuery, headers, body, token());
			if (reply.status() == 401) {
				token = null;
				reply = sendOnce(method, pathAndQuery, headers, body, token());
			}
			return reply;
		} catch (IllegalStateException noToken) {
			// The token endpoint did not answer: the server is down.
			return new Reply(0, noToken.toString(), 0);
		}
	}

	private Reply sendOnce(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String bearer) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fhirBaseUrl + pathAndQuery))
				.timeout(TIMEOUT)
				.header("Accept", FHIR_JSON)
				.header("Authorization", "Bearer " + bearer)
				.method(method, body == null
						? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(request::header);
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), elapsedMillis(start));
		} catch (IOException noAnswer) {
			return new Reply(0, noAnswer.toString(), elapsedMillis(start));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Reply(0, e.toString(), elapsedMillis(start));
		}
	}

	private String token() {
		String current = token;
		if (current == null) {
			current = tokens.get();
			token = current;
		}
		return current;
	}

	private static long elapsedMillis(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}
}
