package cn.hulian.server.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns {@link SearchBackendProperties} into the {@code hibernate.search.*} settings HAPI's entities are indexed with. */
public final class HibernateSearchSettings {

	/** A resource in HAPI's jpaserver-base jar, the one HAPI's own Elasticsearch set-up uses. */
	static final String HAPI_INDEX_SETTINGS = "ca/uhn/fhir/jpa/elastic/index-settings.json";

	private HibernateSearchSettings() {}

	public static Map<String, String> of(SearchBackendProperties properties) {
		Map<String, String> settings = new LinkedHashMap<>();
		switch (properties.backend()) {
			case NONE -> {
				settings.put("hibernate.search.enabled", "false");
				// HAPI reads the backend type even with indexing off.
				settings.put("hibernate.search.backend.type", "lucene");
			}
			case LUCENE -> {
				settings.put("hibernate.search.enabled", "true");
				settings.put("hibernate.search.backend.type", "lucene");
				settings.put(
						"hibernate.search.backend.analysis.configurer",
						ChineseLuceneAnalysis.class.getName());
				settings.put("hibernate.search.backend.directory.type", "local-filesystem");
				settings.put(
						"hibernate.search.backend.directory.root",
						properties.luceneDirectory().toAbsolutePath().toString());
				settings.put("hibernate.search.backend.lucene_version", "LUCENE_CURRENT");
			}
			case ELASTICSEARCH -> {
				SearchBackendProperties.Elasticsearch es = properties.elasticsearch();
				settings.put("hibernate.search.enabled", "true");
				settings.put("hibernate.search.backend.type", "elasticsearch");
				settings.put(
						"hibernate.search.backend.analysis.configurer",
						ChineseElasticsearchAnalysis.class.getName());
				settings.put("hibernate.search.backend.hosts", String.join(",", es.hosts()));
				settings.put("hibernate.search.backend.protocol", es.protocol());
				putIfPresent(settings, "hibernate.search.backend.username", es.username());
				putIfPresent(settings, "hibernate.search.backend.password", es.password());
				putIfPresent(settings, "hibernate.search.backend.version", es.version());
				settings.put("hibernate.search.schema_management.strategy", "create-or-update");
				// HAPI's n-gram analyzers need index.max_ngram_diff above the engine's default of 1, or creating the
				// indexes fails: HAPI ships these index settings for that.
				settings.put("hibernate.search.backend.schema_management.settings_file", HAPI_INDEX_SETTINGS);
			}
		}
		if (properties.backend() != SearchBackendProperties.Backend.NONE) {
			// A write returns once the index has the change, so a search right after it finds it; a search engine
			// that fails does not fail the write (a Spring bean, found through HAPI's Spring bean container).
			settings.put("hibernate.search.indexing.plan.synchronization.strategy", "bean:" + IndexingSynchronization.BEAN_NAME);
			// HAPI's indexed entities are all Hibernate ORM entities: scanning jars for more (building Jandex
			// indexes of them) finds nothing and costs seconds at every start.
			settings.put("hibernate.search.mapping.discover_annotated_types_from_root_mapping_annotations", "false");
			settings.put("hibernate.search.mapping.build_missing_discovered_jandex_indexes", "false");
		}
		return settings;
	}

	private static void putIfPresent(Map<String, String> settings, String key, String value) {
		if (value != null && !value.isBlank()) {
			settings.put(key, value);
		}
	}
}
