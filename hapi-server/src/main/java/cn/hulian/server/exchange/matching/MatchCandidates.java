package cn.hulian.server.exchange.matching;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import cn.hulian.server.exchange.PatientLookup;
import cn.hulian.server.exchange.ResidentIdCheck;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * The stored Patients that may be the person a {@code $match} input describes, found by indexed searches: the same
 * resident ID number, birth date, phone number (as written and as digits) or name (as written in full, and by family
 * and first given name). Scoring them is {@link PatientSimilarity}'s job. A homophone or a name in another script is
 * found through the birth date or phone, which its record would share to score as a match at all.
 */
@Component
class MatchCandidates {

	private final PatientLookup lookup;

	MatchCandidates(PatientLookup lookup) {
		this.lookup = lookup;
	}

	Collection<Patient> of(Patient patient) {
		Map<String, Patient> candidates = new LinkedHashMap<>();
		ResidentIdCheck.numbers(patient).forEach(number -> add(candidates, lookup.withResidentId(number)));
		if (patient.hasBirthDate()) {
			add(candidates, lookup.search(Patient.SP_BIRTHDATE,
					new DateParam(ParamPrefixEnum.EQUAL, patient.getBirthDateElement().getValueAsString())));
		}
		Set<String> phones = new LinkedHashSet<>(PhoneNumbers.asWritten(patient));
		phones.addAll(PhoneNumbers.of(patient));
		phones.forEach(phone -> add(candidates, lookup.search(Patient.SP_PHONE, new TokenParam(phone))));
		for (HumanName name : patient.getName()) {
			if (name.hasText()) {
				add(candidates, lookup.search(Patient.SP_NAME, new StringParam(name.getText())));
			}
			if (name.hasFamily() && name.hasGiven()) {
				add(candidates, lookup.search(SearchParameterMap.newSynchronous()
						.add(Patient.SP_FAMILY, new StringParam(name.getFamily()))
						.add(Patient.SP_GIVEN, new StringParam(name.getGiven().get(0).getValue()))));
			}
		}
		return candidates.values();
	}

	private static void add(Map<String, Patient> candidates, List<Patient> found) {
		found.forEach(candidate -> candidates.putIfAbsent(candidate.getIdElement().getIdPart(), candidate));
	}
}
