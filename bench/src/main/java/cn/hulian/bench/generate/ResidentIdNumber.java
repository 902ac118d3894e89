package cn.hulian.bench.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A resident ID card number (居民身份证号码, GB 11643): the 6-digit division of registration, the birth date, a
 * 3-digit order number (odd for men, even for women) and the ISO 7064 MOD 11-2 check character.
 */
public final class ResidentIdNumber {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK_CHARACTERS = "10X98765432";

	private ResidentIdNumber() {}

	/** {@code order}: 0 to 498; the order number is made odd or even by sex. */
	public static String of(String division, LocalDate birthDate, int order, boolean male) {
		int orderNumber = order * 2 + (male ? 1 : 2);
		String body = division + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", orderNumber);
		return body + checkCharacter(body);
	}

	static char checkCharacter(String seventeenDigits) {
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}
}
