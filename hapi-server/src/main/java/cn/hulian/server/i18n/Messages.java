package cn.hulian.server.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The server's own OperationOutcome texts, in English or Chinese as the client's {@code Accept-Language} asks
 * (English when it asks for neither). Texts live in {@code i18n/messages*.properties}.
 */
public final class Messages {

	private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.CHINESE);
	private static final String BUNDLE = "i18n.messages";

	private Messages() {}

	/** The text for {@code key} in the language chosen from an {@code Accept-Language} header (may be null). */
	public static String get(String acceptLanguage, String key, Object... arguments) {
		Locale locale = chooseLocale(acceptLanguage);
		ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
				ResourceBundle.Control.FORMAT_PROPERTIES));
		return new MessageFormat(bundle.getString(key), locale).format(arguments);
	}

	static Locale chooseLocale(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Locale.ENGLISH;
		}
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
			return match == null ? Locale.ENGLISH : match;
		} catch (IllegalArgumentException malformedHeader) {
			return Locale.ENGLISH;
		}
	}
}
