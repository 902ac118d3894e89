package cn.hulian.server.exchange.matching;

import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Patient;

/** Phone numbers as matching compares them: digits only, without China's country code (+86, 0086). */
final class PhoneNumbers {

	private PhoneNumbers() {}

	/** The phone numbers of {@code patient}, compared as digits. */
	static Set<String> of(Patient patient) {
		return asWritten(patient).stream()
				.map(PhoneNumbers::normalized)
				.filter(number -> !number.isEmpty())
				.collect(Collectors.toUnmodifiableSet());
	}

	/** The phone numbers of {@code patient} as written (phone and SMS contacts). */
	static Set<String> asWritten(Patient patient) {
		return patient.getTelecom().stream()
				.filter(telecom -> telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE
						|| telecom.getSystem() == ContactPoint.ContactPointSystem.SMS)
				.filter(ContactPoint::hasValue)
				.map(ContactPoint::getValue)
				.collect(Collectors.toUnmodifiableSet());
	}

	static String normalized(String phone) {
		String digits = phone.replaceAll("\\D", "");
		if (digits.startsWith("0086")) {
			return digits.substring(4);
		}
		return digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
	}
}
