package cn.hulian.server.exchange.matching;

import java.util.Optional;

/**
 * How sure a match is, as FHIR's {@code match-grade} extension says it. Only {@link #CERTAIN} matches are the same
 * person for the server (their records are linked); probable and possible ones are candidates for a person to review.
 */
public enum MatchGrade {
	/** The same well-formed resident ID card number, and no conflicting birth date. */
	CERTAIN("certain"),
	/** A score of at least {@link #PROBABLE_SCORE}: e.g. name, birth date and phone agree. */
	PROBABLE("probable"),
	/** A score of at least {@link #POSSIBLE_SCORE}: e.g. name and birth date agree. */
	POSSIBLE("possible");

	public static final double PROBABLE_SCORE = 0.80;
	public static final double POSSIBLE_SCORE = 0.55;

	private final String code;

	MatchGrade(String code) {
		this.code = code;
	}

	/** The code of http://terminology.hl7.org/CodeSystem/match-grade. */
	public String code() {
		return code;
	}

	/** The grade of a score that is not a certain match; empty below {@link #POSSIBLE_SCORE}. */
	static Optional<MatchGrade> ofScore(double score) {
		if (score >= PROBABLE_SCORE) {
			return Optional.of(PROBABLE);
		}
		return score >= POSSIBLE_SCORE ? Optional.of(POSSIBLE) : Optional.empty();
	}
}
