package cn.hulian.server.search;

import ca.uhn.fhir.jpa.search.HapiHSearchAnalysisConfigurers.HapiElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.elasticsearch.analysis.model.dsl.ElasticsearchAnalysisComponentTypeStep;
import org.hibernate.search.backend.elasticsearch.analysis.model.dsl.ElasticsearchAnalyzerTypeStep;
import org.hibernate.search.backend.elasticsearch.analysis.model.dsl.ElasticsearchNormalizerTypeStep;

/**
 * The Elasticsearch and OpenSearch twin of {@link ChineseLuceneAnalysis}: HAPI's analyzers, with the full-text one
 * indexing Chinese as bigrams ({@code cjk_width} and {@code cjk_bigram}, from the engine's analysis-common module).
 */
public class ChineseElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		new HapiElasticsearchAnalysisConfigurer().configure(new SetsAsideFullTextAnalyzer(context));
		context.analyzer(ChineseText.FULL_TEXT_ANALYZER).custom()
				.tokenizer("standard")
				.tokenFilters("cjk_width", "lowercase", "asciifolding", "cjk_bigram");
	}

	/** Lets HAPI define all its analyzers, its full-text one under another name, unused. */
	private record SetsAsideFullTextAnalyzer(ElasticsearchAnalysisConfigurationContext context)
			implements ElasticsearchAnalysisConfigurationContext {

		@Override
		public ElasticsearchAnalyzerTypeStep analyzer(String name) {
			return context.analyzer(ChineseText.setAside(name));
		}

		@Override
		public ElasticsearchNormalizerTypeStep normalizer(String name) {
			return context.normalizer(name);
		}

		@Override
		public ElasticsearchAnalysisComponentTypeStep tokenizer(String name) {
			return context.tokenizer(name);
		}

		@Override
		public ElasticsearchAnalysisComponentTypeStep charFilter(String name) {
			return context.charFilter(name);
		}

		@Override
		public ElasticsearchAnalysisComponentTypeStep tokenFilter(String name) {
			return context.tokenFilter(name);
		}
	}
}
