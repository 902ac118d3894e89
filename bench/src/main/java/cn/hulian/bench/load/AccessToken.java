package cn.hulian.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bearer token of one client of the server's token endpoint (client-credentials grant), fetched again shortly
 * before it expires so that a long run never sends an expired one.
 */
public final class AccessToken {

	private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
	private static final Duration MARGIN = Duration.ofMinutes(2);

	private final HttpClient http;
	private final URI tokenUrl;
	private final String basicCredentials;
	private String value;
	private Instant refreshAt = Instant.MIN;

	public AccessToken(HttpClient http, URI tokenUrl, String clientId, String secret) {
		this.http = http;
		this.tokenUrl = tokenUrl;
		this.basicCredentials = Base64.getEncoder()
				.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	public synchronized String value() {
		if (Instant.now().isAfter(refreshAt)) {
			fetch();
		}
		return value;
	}

	private void fetch() {
		HttpRequest request = HttpRequest.newBuilder(tokenUrl)
				.header("Authorization", "Basic " + basicCredentials)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
				.timeout(Duration.ofSeconds(30))
				.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new IllegalStateException("No answer from the token endpoint " + tokenUrl, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		Matcher token = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("The token endpoint " + tokenUrl + " refused: " + response.statusCode() + " "
					+ response.body());
		}
		Matcher expiresIn = EXPIRES_IN.matcher(response.body());
		Duration lifetime = expiresIn.find() ? Duration.ofSeconds(Long.parseLong(expiresIn.group(1))) : Duration.ofMinutes(10);
		value = token.group(1);
		refreshAt = Instant.now().plus(lifetime).minus(MARGIN);
	}
}
