package cn.hulian.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The server's FHIR REST API, called as one client (one token) with plain HTTP and JSON. */
public final class FhirEndpoint {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final HttpClient http;
	private final String fhirBase;
	private final AccessToken token;

	/** {@code fhirBase}: e.g. http://localhost:8080/fhir */
	public FhirEndpoint(HttpClient http, String fhirBase, AccessToken token) {
		this.http = http;
		this.fhirBase = fhirBase;
		this.token = token;
	}

	/** {@code pathAndQuery}: relative to the FHIR base, with its parameter values URL-encoded. */
	public Answer get(String pathAndQuery) {
		return send(request(pathAndQuery).GET());
	}

	/** Posts a transaction or batch Bundle to the FHIR base. */
	public Answer postBundle(String json) {
		return send(request("").header("Content-Type", "application/fhir+json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(pathAndQuery.isEmpty() ? fhirBase : fhirBase + "/" + pathAndQuery))
				.header("Authorization", "Bearer " + token.value())
				.header("Accept", "application/fhir+json")
				.timeout(TIMEOUT);
	}

	private Answer send(HttpRequest.Builder request) {
		HttpRequest built = request.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
		} catch (IOException e) {
			// No answer at all (connection refused or reset, timeout): counted as a failed request, status 0.
			return new Answer(0, e.toString(), System.nanoTime() - start);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static HttpClient newHttpClient() {
		return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
	}
}
