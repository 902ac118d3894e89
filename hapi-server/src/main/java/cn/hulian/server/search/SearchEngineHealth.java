package cn.hulian.server.search;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the search engine can index and search now: its cluster health is not red, asked with a short timeout and
 * remembered for a few seconds so a burst of full-text searches costs one check, unless indexing has failed since. The
 * local Lucene index is always there.
 */
@Component
class SearchEngineHealth {

	private static final Duration REMEMBERED_FOR = Duration.ofSeconds(3);
	private static final int TIMEOUT_MILLIS = 2000;

	// Looked up when first needed: the indexing strategy asks this class to recheck, and Hibernate Search builds that
	// strategy while the EntityManagerFactory is being built.
	private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
	private final SearchBackendProperties properties;
	private volatile Instant checkedAt = Instant.MIN;
	private volatile boolean reachable = true;

	SearchEngineHealth(ObjectProvider<EntityManagerFactory> entityManagerFactory, SearchBackendProperties properties) {
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

	/**
	 * Forgets the remembered answer, so the next question asks the engine: the index just failed to take or answer
	 * something, and an engine remembered as up may have gone down.
	 */
	void recheck() {
		checkedAt = Instant.MIN;
	}

	/**
	 * Asks for the cluster's health rather than just whether it listens: an engine that is starting answers HTTP before
	 * its indexes can take documents (status red).
	 */
	private boolean ping() {
		RestClient client = Search.mapping(entityManagerFactory.getObject()).backend().unwrap(ElasticsearchBackend.class)
				.client(RestClient.class);
		Request request = new Request("GET", "/_cluster/health");
		request.setOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
				.setConnectTimeout(TIMEOUT_MILLIS).setSocketTimeout(TIMEOUT_MILLIS).build()));
		try {
			Response response = client.performRequest(request);
			return !EntityUtils.toString(response.getEntity()).replace(" ", "").contains("\"status\":\"red\"");
		} catch (ResponseException answered) {
			// A cluster that is not ready answers 503. A user without the monitor privilege gets 403 and must not make
			// a working engine look down.
			return answered.getResponse().getStatusLine().getStatusCode() < 500;
		} catch (IOException unreachable) {
			return false;
		}
	}
}
