package cn.hulian.server.exchange.crossregion;

import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * The resident ID card number (居民身份证号) by which regions find a patient: it is the one identifier every region's
 * institutions record for the same person.
 */
final class ResidentIdentifier {

	static final String SYSTEM = "urn:oid:2.16.156.10011.1.3";
	private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");

	private ResidentIdentifier() {}

	/** The patient's resident ID number, if it has one of the right form. */
	static Optional<String> of(Patient patient) {
		return patient.getIdentifier().stream()
				.filter(identifier -> SYSTEM.equals(identifier.getSystem()))
				.map(Identifier::getValue)
				.filter(ResidentIdentifier::isWellFormed)
				.findFirst();
	}

	static boolean isWellFormed(String value) {
		return value != null && FORMAT.matcher(value).matches();
	}
}
