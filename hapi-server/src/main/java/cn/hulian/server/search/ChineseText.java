package cn.hulian.server.search;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How full-text searches read Chinese. The index holds Chinese as character bigrams (see {@link ChineseLuceneAnalysis});
 * HAPI turns each searched word into a prefix query ({@code 高血压*}), which is not cut into bigrams and so finds
 * nothing. A Chinese word is therefore searched as a quoted phrase ({@code "高血压"}): its bigrams, in order, which
 * finds 高血压 and not text that only shares a character with it. Other words keep HAPI's prefix search.
 */
final class ChineseText {

	/** HAPI's analyzer of {@code _content} and {@code _text} (and of {@code :text} when indexed), which Hulian redefines. */
	static final String FULL_TEXT_ANALYZER = "standardAnalyzer";
	/** Characters that make a value HAPI's simple query syntax, left as the client wrote it. */
	private static final String QUERY_SYNTAX = "+|\"()~*";

	private ChineseText() {}

	/** The name HAPI's own definition of {@code name} is registered under: its full-text analyzer is set aside. */
	static String setAside(String name) {
		return FULL_TEXT_ANALYZER.equals(name) ? "hapiStandardAnalyzer" : name;
	}

	/** One searched value (an alternative between commas) as the query HAPI should run. */
	static String asQuery(String value) {
		if (!hasChinese(value) || value.startsWith("-") || value.chars().anyMatch(c -> QUERY_SYNTAX.indexOf(c) >= 0)) {
			return value;
		}
		return Arrays.stream(value.trim().split("\\s+"))
				.map(word -> hasChinese(word) ? "\"" + word + "\"" : word + "*")
				.collect(Collectors.joining(" "));
	}

	static boolean hasChinese(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}
}
