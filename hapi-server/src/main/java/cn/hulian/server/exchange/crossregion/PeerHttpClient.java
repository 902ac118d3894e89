package cn.hulian.server.exchange.crossregion;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The one HTTP client this server talks to peer regions with: connections are reused across requests. */
@Component
class PeerHttpClient {

	private final HttpClient client;

	PeerHttpClient(CrossRegionProperties properties) {
		this.client = HttpClient.newBuilder()
				.connectTimeout(properties.peerTimeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
	}

	HttpClient client() {
		return client;
	}
}
