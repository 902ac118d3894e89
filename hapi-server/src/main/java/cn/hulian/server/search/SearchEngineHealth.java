package cn.hulian.server.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;

/**
 * Whether the search engine answers now: a {@code HEAD /} with a short timeout, remembered for a few seconds so a
 * burst of full-text searches costs one check. The local Lucene index is always there.
 */
@Component
class SearchEngineHealth {

	private static final Duration REMEMBERED_FOR = Duration.ofSeconds(3);
	private static final int TIMEOUT_MILLIS = 2000;

	private final EntityManagerFactory entityManagerFactory;
	private final SearchBackendProperties properties;
	private volatile Instant checkedAt = Instant.MIN;
	private volatile boolean reachable = true;

	SearchEngineHealth(EntityManagerFactory entityManagerFactory, SearchBackendProperties properties) {
		this.entityManagerFactory = entityManagerFactory;
		this.properties = properties;
	}

	boolean isReachable() {
		if (properties.backend() != SearchBackendProperties.Backend.ELASTICSEARCH) {
			return true;
		}
		Instant now = Instant.now();
		if (now.isAfter(checkedAt.plus(REMEMBERED_FOR))) {
			reachable = ping();
			checkedAt = now;
		}
		return reachable;
	}

	private boolean ping() {
		RestClient client = Search.mapping(entityManagerFactory).backend().unwrap(ElasticsearchBackend.class)
				.client(RestClient.class);
		Request request = new Request("HEAD", "/");
		request.setOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
				.setConnectTimeout(TIMEOUT_MILLIS).setSocketTimeout(TIMEOUT_MILLIS).build()));
		try {
			return client.performRequest(request).getStatusLine().getStatusCode() < 500;
		} catch (IOException unreachable) {
			return false;
		}
	}
}
