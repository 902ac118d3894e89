package cn.hulian.server.exchange;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * Whether a resident ID card number (居民身份证号码, GB 11643) is well formed: 17 digits and the ISO 7064 MOD 11-2
 * check character. The same rule as the {@code cn-patient} profile's invariant {@code cn-pat-1}, which validates it
 * on write; {@code ResidentIdCheckTest} evaluates that invariant from the bundled profile and holds the two to the
 * same answers. Written in Java rather than evaluated here: the profile's FHIRPath needs HAPI's R5 engine, whose model
 * costs the server hundreds of megabytes of heap and seconds of startup.
 */
@Component
public class ResidentIdCheck {

	/** The identifier system of resident ID card numbers. */
	public static final String SYSTEM = "urn:oid:2.16.156.10011.1.3";
	private static final Pattern FORM = Pattern.compile("\\d{17}[\\dX]");
	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK_CHARACTERS = "10X98765432";

	/** Whether {@code number} is a well-formed resident ID card number. */
	public boolean isValid(String number) {
		if (number == null || !FORM.matcher(number).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return number.charAt(17) == CHECK_CHARACTERS.charAt(sum % 11);
	}

	/** The resident ID card numbers {@code patient} carries, well formed or not. */
	public static List<String> numbers(Patient patient) {
		return patient.getIdentifier().stream()
				.filter(identifier -> SYSTEM.equals(identifier.getSystem()) && identifier.hasValue())
				.map(Identifier::getValue)
				.toList();
	}

	/** The well-formed resident ID card numbers {@code patient} carries. */
	public Set<String> validNumbers(Patient patient) {
		return numbers(patient).stream().filter(this::isValid).collect(Collectors.toUnmodifiableSet());
	}
}
