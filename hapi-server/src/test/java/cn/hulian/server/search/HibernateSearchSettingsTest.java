package cn.hulian.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HibernateSearchSettingsTest {

	@Test
	void defaultsToALuceneIndexUnderDataLucene() {
		Map<String, String> settings = HibernateSearchSettings.of(new SearchBackendProperties(null, null, null));

		assertThat(settings)
				.containsEntry("hibernate.search.enabled", "true")
				.containsEntry("hibernate.search.backend.type", "lucene")
				.containsEntry("hibernate.search.backend.directory.root", Path.of("data", "lucene").toAbsolutePath().toString())
				.containsEntry("hibernate.search.indexing.plan.synchronization.strategy", "bean:indexingSynchronization");
	}

	@Test
	void connectsToAnElasticsearchApiClusterWithCredentialsOnlyWhenGiven() {
		SearchBackendProperties.Elasticsearch cluster =
				new SearchBackendProperties.Elasticsearch(List.of("es1:9200", "es2:9200"), "https", "hulian", "", null);

		Map<String, String> settings = HibernateSearchSettings.of(
				new SearchBackendProperties(SearchBackendProperties.Backend.ELASTICSEARCH, null, cluster));

		assertThat(settings)
				.containsEntry("hibernate.search.backend.type", "elasticsearch")
				.containsEntry("hibernate.search.backend.hosts", "es1:9200,es2:9200")
				.containsEntry("hibernate.search.backend.protocol", "https")
				.containsEntry("hibernate.search.backend.username", "hulian")
				.containsEntry(
						"hibernate.search.backend.schema_management.settings_file",
						HibernateSearchSettings.HAPI_INDEX_SETTINGS)
				.doesNotContainKey("hibernate.search.backend.password")
				.doesNotContainKey("hibernate.search.backend.directory.root");
	}

	/** The index settings HAPI's Elasticsearch analyzers need are where the settings point. */
	@Test
	void hapiIndexSettingsAreOnTheClasspath() {
		assertThat(getClass().getClassLoader().getResource(HibernateSearchSettings.HAPI_INDEX_SETTINGS)).isNotNull();
	}

	@Test
	void canBeSwitchedOff() {
		Map<String, String> settings = HibernateSearchSettings.of(
				new SearchBackendProperties(SearchBackendProperties.Backend.NONE, null, null));

		assertThat(settings).containsEntry("hibernate.search.enabled", "false")
				.doesNotContainKey("hibernate.search.indexing.plan.synchronization.strategy");
	}
}
