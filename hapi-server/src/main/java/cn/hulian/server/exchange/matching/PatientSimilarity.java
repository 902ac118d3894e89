package cn.hulian.server.exchange.matching;

import cn.hulian.server.exchange.ResidentIdCheck;
import cn.hulian.server.i18n.Pinyin;
import cn.hulian.server.policy.Regions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * How likely two Patient records are the same person.
 * <ul>
 *   <li>The same well-formed resident ID card number is a certain match (score 1), unless both records state birth
 *       dates that differ (a newborn is often registered under the mother's number).</li>
 *   <li>Otherwise the score is the weighted agreement of the fields below, each agreeing fully (1), partly or not (0);
 *       a field missing from either record does not agree. Weights add up to 1: name {@value #NAME}, birth date
 *       {@value #BIRTH_DATE}, phone {@value #PHONE}, address region {@value #REGION}, resident ID {@value #RESIDENT_ID},
 *       sex {@value #SEX}. Two different well-formed resident ID numbers are evidence of two people: the score is
 *       then multiplied by {@value #DIFFERENT_RESIDENT_IDS}.</li>
 * </ul>
 * The grade follows from the score ({@link MatchGrade}). Partial agreement: a name written with the same characters
 * agrees fully, in Latin letters with the same pinyin {@value #OTHER_SCRIPT}, as a homophone in other characters
 * {@value #HOMOPHONE}; a region in the same prefecture {@value #SAME_PREFECTURE}, province {@value #SAME_PROVINCE}; a
 * resident ID with a check-digit error differing in at most two characters from a well-formed one (a typo or two
 * transposed digits) {@value #MISTYPED_RESIDENT_ID}.
 */
@Component
public class PatientSimilarity {

	static final double NAME = 0.30;
	static final double BIRTH_DATE = 0.25;
	static final double PHONE = 0.20;
	static final double REGION = 0.10;
	static final double RESIDENT_ID = 0.10;
	static final double SEX = 0.05;
	static final double DIFFERENT_RESIDENT_IDS = 0.5;

	static final double OTHER_SCRIPT = 0.85;
	static final double HOMOPHONE = 0.7;
	static final double SAME_PREFECTURE = 0.5;
	static final double SAME_PROVINCE = 0.25;
	static final double MISTYPED_RESIDENT_ID = 0.5;

	private final ResidentIdCheck residentIds;

	public PatientSimilarity(ResidentIdCheck residentIds) {
		this.residentIds = residentIds;
	}

	/**
	 * A match score (0..1) and grade.
	 *
	 * @param score rounded to two decimals
	 */
	public record Similarity(double score, MatchGrade grade) {}

	/** How similar {@code candidate} is to {@code patient}; empty when below a possible match. */
	public Optional<Similarity> compare(Patient patient, Patient candidate) {
		if (isCertain(patient, candidate)) {
			return Optional.of(new Similarity(1.0, MatchGrade.CERTAIN));
		}
		double score = NAME * names(patient, candidate)
				+ BIRTH_DATE * (birthDatesAgree(patient, candidate) ? 1 : 0)
				+ PHONE * (Collections.disjoint(PhoneNumbers.of(patient), PhoneNumbers.of(candidate)) ? 0 : 1)
				+ REGION * regions(patient, candidate)
				+ RESIDENT_ID * residentIdAgreement(patient, candidate)
				+ SEX * (sexesAgree(patient, candidate) ? 1 : 0);
		if (differentPeopleByResidentId(patient, candidate)) {
			score *= DIFFERENT_RESIDENT_IDS;
		}
		double rounded = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
		return MatchGrade.ofScore(rounded).map(grade -> new Similarity(rounded, grade));
	}

	/**
	 * Whether the two records are certainly the same person: they share a well-formed resident ID number and do not
	 * state different birth dates.
	 */
	public boolean isCertain(Patient patient, Patient candidate) {
		return sharesValidResidentId(patient, candidate)
				&& !(patient.hasBirthDate() && candidate.hasBirthDate() && !birthDatesAgree(patient, candidate));
	}

	private boolean sharesValidResidentId(Patient patient, Patient candidate) {
		return !Collections.disjoint(residentIds.validNumbers(patient), residentIds.validNumbers(candidate));
	}

	private double residentIdAgreement(Patient patient, Patient candidate) {
		if (sharesValidResidentId(patient, candidate)) {
			return 1;
		}
		boolean mistyped = residentIds.validNumbers(patient).stream().anyMatch(valid ->
				ResidentIdCheck.numbers(candidate).stream().anyMatch(number -> isTypoOf(number, valid)))
				|| residentIds.validNumbers(candidate).stream().anyMatch(valid ->
				ResidentIdCheck.numbers(patient).stream().anyMatch(number -> isTypoOf(number, valid)));
		return mistyped ? MISTYPED_RESIDENT_ID : 0;
	}

	/** A malformed number at most two characters away from a well-formed one. */
	private boolean isTypoOf(String number, String valid) {
		if (number.length() != valid.length() || residentIds.isValid(number)) {
			return false;
		}
		int differences = 0;
		for (int i = 0; i < number.length(); i++) {
			if (Character.toUpperCase(number.charAt(i)) != valid.charAt(i)) {
				differences++;
			}
		}
		return differences <= 2;
	}

	private boolean differentPeopleByResidentId(Patient patient, Patient candidate) {
		Set<String> numbers = residentIds.validNumbers(patient);
		Set<String> candidateNumbers = residentIds.validNumbers(candidate);
		return !numbers.isEmpty() && !candidateNumbers.isEmpty() && Collections.disjoint(numbers, candidateNumbers);
	}

	private static double names(Patient patient, Patient candidate) {
		double best = 0;
		for (String name : nameForms(patient)) {
			for (String other : nameForms(candidate)) {
				best = Math.max(best, nameAgreement(name, other));
			}
		}
		return best;
	}

	static double nameAgreement(String name, String other) {
		String written = Pinyin.normalized(name);
		if (!written.isEmpty() && written.equals(Pinyin.normalized(other))) {
			return 1;
		}
		if (Collections.disjoint(Pinyin.spellings(name), Pinyin.spellings(other))) {
			return 0;
		}
		return Pinyin.hasChinese(name) && Pinyin.hasChinese(other) ? HOMOPHONE : OTHER_SCRIPT;
	}

	/** Each name as written in full ({@code text}) and as family name followed by given names (Chinese order). */
	private static List<String> nameForms(Patient patient) {
		List<String> forms = new ArrayList<>();
		for (HumanName name : patient.getName()) {
			if (name.hasText()) {
				forms.add(name.getText());
			}
			if (name.hasFamily() || name.hasGiven()) {
				forms.add((name.hasFamily() ? name.getFamily() : "")
						+ name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining()));
			}
		}
		return forms;
	}

	private static boolean birthDatesAgree(Patient patient, Patient candidate) {
		return patient.hasBirthDate() && candidate.hasBirthDate()
				&& patient.getBirthDateElement().getValueAsString().equals(candidate.getBirthDateElement().getValueAsString());
	}

	private static boolean sexesAgree(Patient patient, Patient candidate) {
		return patient.hasGender() && patient.getGender() != Enumerations.AdministrativeGender.UNKNOWN
				&& patient.getGender() == candidate.getGender();
	}

	private static double regions(Patient patient, Patient candidate) {
		double best = 0;
		for (String division : Regions.of(patient.getAddress())) {
			for (String other : Regions.of(candidate.getAddress())) {
				best = Math.max(best, regionAgreement(division, other));
			}
		}
		return best;
	}

	private static double regionAgreement(String division, String other) {
		if (division.equals(other)) {
			return 1;
		}
		if (division.length() == 6 && other.length() == 6) {
			if (division.regionMatches(0, other, 0, 4)) {
				return SAME_PREFECTURE;
			}
			if (division.regionMatches(0, other, 0, 2)) {
				return SAME_PROVINCE;
			}
		}
		return 0;
	}
}
