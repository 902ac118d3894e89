package cn.hulian.server.search;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The full-text index behind {@code _content}, {@code _text} and {@code :text} searches ({@code hulian.search.*}).
 *
 * @param backend       {@code lucene} (a local index directory: the embedded default), {@code elasticsearch}
 *                      (an external Elasticsearch 8 or OpenSearch 2 cluster: production), or {@code none}
 * @param luceneDirectory where the Lucene backend keeps its index
 * @param elasticsearch connection to the external engine, used when {@code backend=elasticsearch}
 */
@ConfigurationProperties("hulian.search")
public record SearchBackendProperties(Backend backend, Path luceneDirectory, Elasticsearch elasticsearch) {

	public enum Backend {
		LUCENE,
		ELASTICSEARCH,
		NONE
	}

	public SearchBackendProperties {
		backend = backend == null ? Backend.LUCENE : backend;
		luceneDirectory = luceneDirectory == null ? Path.of("data", "lucene") : luceneDirectory;
		elasticsearch = elasticsearch == null ? new Elasticsearch(null, null, null, null, null) : elasticsearch;
	}

	/**
	 * @param hosts    host:port of each node
	 * @param protocol {@code http} or {@code https}
	 * @param username user for basic authentication, if the cluster requires it
	 * @param password its password
	 * @param version  the engine's distribution and version, e.g. {@code 8.15} or {@code opensearch:2.16}; empty
	 *                 lets Hibernate Search ask the cluster at start
	 */
	public record Elasticsearch(List<String> hosts, String protocol, String username, String password, String version) {
		public Elasticsearch {
			hosts = hosts == null || hosts.isEmpty() ? List.of("localhost:9200") : List.copyOf(hosts);
			protocol = protocol == null ? "http" : protocol;
		}
	}
}
