package cn.hulian.server.i18n;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Chinese text as Hanyu Pinyin without tones, the way names are written in Latin letters (张伟 → {@code zhangwei}), so
 * that a name can be compared or searched across scripts. Pinyin is lower case without spaces; ü is written {@code v},
 * as Chinese input methods do. A character with several readings (曾 zēng/céng, 单 shàn/dān) gives every reading, as a
 * name's reading cannot be told from its characters alone. Letters and digits are kept (lower case, accents removed);
 * spaces, punctuation and the middle dot of transcribed names are dropped.
 */
public final class Pinyin {

	/** More spellings than this (a long name of many heteronyms) are cut off: enough for names. */
	static final int MAX_SPELLINGS = 64;

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
	}

	private Pinyin() {}

	/**
	 * Every way to write {@code text} in toneless pinyin (at most {@link #MAX_SPELLINGS}); empty when it has a Chinese
	 * character without a known reading, or nothing to write.
	 */
	public static Set<String> spellings(String text) {
		List<String> spellings = List.of("");
		for (Set<String> readings : readings(text)) {
			if (readings.isEmpty()) {
				return Set.of();
			}
			List<String> longer = new ArrayList<>();
			for (String start : spellings) {
				for (String reading : readings) {
					if (longer.size() < MAX_SPELLINGS) {
						longer.add(start + reading);
					}
				}
			}
			spellings = longer;
		}
		return spellings.size() == 1 && spellings.get(0).isEmpty() ? Set.of() : new LinkedHashSet<>(spellings);
	}

	/** Whether {@code text} has a Chinese (Han) character. */
	public static boolean hasChinese(String text) {
		return text.codePoints().anyMatch(Pinyin::isChinese);
	}

	/**
	 * {@code text} in the form names are compared in: lower case, accents removed (ü as {@code v}), only letters,
	 * digits and Chinese characters kept.
	 */
	public static String normalized(String text) {
		StringBuilder kept = new StringBuilder();
		withoutAccents(text).codePoints()
				.filter(c -> Character.isLetterOrDigit(c))
				.forEach(kept::appendCodePoint);
		return kept.toString();
	}

	/** Per kept character of {@code text}: its readings (a Chinese character) or itself (a letter or digit). */
	private static List<Set<String>> readings(String text) {
		List<Set<String>> readings = new ArrayList<>();
		normalized(text).codePoints().forEach(c -> readings.add(isChinese(c) ? readingsOf(c) : Set.of(Character.toString(c))));
		return readings;
	}

	private static Set<String> readingsOf(int character) {
		if (Character.isSupplementaryCodePoint(character)) {
			return Set.of();
		}
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) character, FORMAT);
			return readings == null ? Set.of() : new LinkedHashSet<>(List.of(readings));
		} catch (BadHanyuPinyinOutputFormatCombination impossible) {
			// The format above is a valid combination.
			throw new IllegalStateException(impossible);
		}
	}

	private static String withoutAccents(String text) {
		String lower = text.toLowerCase(Locale.ROOT).replace("ü", "v");
		return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	private static boolean isChinese(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}
}
