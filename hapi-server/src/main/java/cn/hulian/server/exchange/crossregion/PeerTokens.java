package cn.hulian.server.exchange.crossregion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Tokens this server presents to peer regions, got with OAuth 2.0 client credentials and kept until shortly before
 * they expire, so a burst of requests costs one token request per peer.
 */
@Component
class PeerTokens {

	/** A token is renewed this long before it expires, so it does not expire on the way. */
	private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

	private final HttpClient http;
	private final ObjectMapper json = new ObjectMapper();
	private final Clock clock = Clock.systemUTC();
	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	PeerTokens(PeerHttpClient http) {
		this.http = http.client();
	}

	String tokenFor(CrossRegionProperties.Peer peer, Duration timeout) throws IOException, InterruptedException {
		Token token = tokens.get(peer.region());
		if (token == null || clock.instant().isAfter(token.renewAt())) {
			token = request(peer, timeout);
			tokens.put(peer.region(), token);
		}
		return token.value();
	}

	/** Forgets the peer's token: it refused it (revoked, or its keys changed), so the next request gets a new one. */
	void forget(CrossRegionProperties.Peer peer) {
		tokens.remove(peer.region());
	}

	private Token request(CrossRegionProperties.Peer peer, Duration timeout) throws IOException, InterruptedException {
		String credentials = Base64.getEncoder().encodeToString(
				(peer.clientId() + ":" + peer.clientSecret()).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(peer.tokenUrl())
				.timeout(timeout)
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
						+ URLEncoder.encode(peer.scope(), StandardCharsets.UTF_8)))
				.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("the token endpoint " + peer.tokenUrl() + " answered " + response.statusCode());
		}
		JsonNode body = json.readTree(response.body());
		String value = body.path("access_token").asText("");
		if (value.isEmpty()) {
			throw new IOException("the token endpoint " + peer.tokenUrl() + " sent no access_token");
		}
		long lifetime = body.path("expires_in").asLong(300);
		return new Token(value, clock.instant().plusSeconds(lifetime).minus(RENEW_BEFORE));
	}

	private record Token(String value, Instant renewAt) {}
}
