package cn.hulian.server.search;

import ca.uhn.fhir.jpa.search.HapiHSearchAnalysisConfigurers.HapiLuceneAnalysisConfigurer;
import java.util.Set;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.search.similarities.Similarity;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalyzerTypeStep;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneNormalizerTypeStep;

/**
 * HAPI's analyzers for the local Lucene index, except the one behind {@code _content} and {@code _text}
 * ({@value ChineseText#FULL_TEXT_ANALYZER}). HAPI's cuts Chinese into single characters: its prefix search for 高血压
 * then finds nothing, and a search by characters finds every note with a 血 in it. Here adjacent Chinese characters
 * are indexed as overlapping bigrams (高血, 血压), full-width forms folded first. {@link ChineseElasticsearchAnalysis} defines the same for
 * Elasticsearch and OpenSearch, so both backends find the same records.
 */
public class ChineseLuceneAnalysis implements LuceneAnalysisConfigurer {

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		new HapiLuceneAnalysisConfigurer().configure(new SetsAsideFullTextAnalyzer(context));
		context.analyzer(ChineseText.FULL_TEXT_ANALYZER).custom()
				.tokenizer(StandardTokenizerFactory.NAME)
				.tokenFilter(CJKWidthFilterFactory.NAME)
				.tokenFilter(LowerCaseFilterFactory.NAME)
				.tokenFilter(ASCIIFoldingFilterFactory.NAME)
				.tokenFilter(CJKBigramFilterFactory.NAME);
	}

	/** Lets HAPI define all its analyzers, its full-text one under another name, unused. */
	private record SetsAsideFullTextAnalyzer(LuceneAnalysisConfigurationContext context)
			implements LuceneAnalysisConfigurationContext {

		@Override
		public LuceneAnalyzerTypeStep analyzer(String name) {
			return context.analyzer(ChineseText.setAside(name));
		}

		@Override
		public LuceneNormalizerTypeStep normalizer(String name) {
			return context.normalizer(name);
		}

		@Override
		public void similarity(Similarity similarity) {
			context.similarity(similarity);
		}

		@Override
		public Set<String> availableTokenizers() {
			return context.availableTokenizers();
		}

		@Override
		public Set<String> availableCharFilters() {
			return context.availableCharFilters();
		}

		@Override
		public Set<String> availableTokenFilters() {
			return context.availableTokenFilters();
		}
	}
}
