package cn.hulian.it;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * What every integration test works with: the shared server, a HAPI FHIR client for it, and plain HTTP for requests
 * a FHIR client would refuse to send (malformed bodies, wrong types).
 */
abstract class ServerTestSupport {

	protected static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	protected final SharedServer server = SharedServer.get();
	/** A FHIR client with an administrator's token. */
	protected final IGenericClient client = newClient(server.fhirBaseUrl());

	static IGenericClient newClient(String fhirBaseUrl) {
		return newClient(fhirBaseUrl, TestIssuer.get().admin());
	}

	/** A FHIR client that sends {@code token} with every request. */
	static IGenericClient newClient(String fhirBaseUrl, String token) {
		FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
		IGenericClient client = FHIR.newRestfulGenericClient(fhirBaseUrl);
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

	/** A value no other test uses, so tests can share one database without seeing each other's records. */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Sends {@code request} with an administrator's token, unless it carries its own Authorization header. */
	protected static HttpResponse<String> send(HttpRequest.Builder request) {
		HttpRequest built = request.build();
		if (built.headers().firstValue("Authorization").isEmpty()) {
			built = HttpRequest.newBuilder(built, (name, value) -> true)
					.header("Authorization", "Bearer " + TestIssuer.get().admin())
					.build();
		}
		return sendAsIs(built);
	}

	/** Sends {@code request} exactly as built, without adding a token. */
	protected static HttpResponse<String> sendAsIs(HttpRequest request) {
		return sendAsIs(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Sends {@code request} exactly as built, without adding a token, reading the body with {@code body}. */
	protected static <T> HttpResponse<T> sendAsIs(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return HTTP.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofMinutes(2)).build(),
					body);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	protected HttpRequest.Builder fhirRequest(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(server.fhirBaseUrl() + "/" + pathAndQuery))
				.header("Accept", "application/fhir+json");
	}

	protected static OperationOutcome operationOutcome(HttpResponse<String> response) {
		IBaseResource parsed = FHIR.newJsonParser().parseResource(response.body());
		return (OperationOutcome) parsed;
	}

	protected static String diagnostics(HttpResponse<String> response) {
		return operationOutcome(response).getIssueFirstRep().getDiagnostics();
	}
}
