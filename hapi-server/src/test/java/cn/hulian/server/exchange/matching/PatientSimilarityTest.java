package cn.hulian.server.exchange.matching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hulian.server.exchange.ResidentIdCheck;
import cn.hulian.server.policy.Regions;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class PatientSimilarityTest {

	private static final String RESIDENT_ID = "510107198003151231";
	/** The same number with its ninth digit mistyped: the check character no longer fits. */
	private static final String MISTYPED = "510107199003151231";
	private static final String OTHER_RESIDENT_ID = "51010719800315124X";

	private final ResidentIdCheck residentIds = new ResidentIdCheck();
	private final PatientSimilarity similarity = new PatientSimilarity(residentIds);

	@Test
	void residentIdsAreCheckedByTheProfilesRule() {
		assertThat(residentIds.isValid(RESIDENT_ID)).isTrue();
		assertThat(residentIds.isValid("11010519491231002X")).isTrue();
		assertThat(residentIds.isValid(MISTYPED)).isFalse();
		assertThat(residentIds.isValid("51010719800315123")).as("17 characters").isFalse();
		assertThat(residentIds.isValid("51010719800315123A")).isFalse();
	}

	@Test
	void theSameWellFormedResidentIdIsCertain() {
		Patient other = new Patient().setBirthDateElement(null);
		other.addIdentifier().setSystem(ResidentIdCheck.SYSTEM).setValue(RESIDENT_ID);
		other.addName().setText("张 伟");
		assertThat(similarity.compare(zhangWei(), other)).contains(new PatientSimilarity.Similarity(1.0, MatchGrade.CERTAIN));
	}

	@Test
	void theSameResidentIdWithAnotherBirthDateIsNotCertain() {
		Patient newborn = new Patient().setGender(AdministrativeGender.FEMALE);
		newborn.addIdentifier().setSystem(ResidentIdCheck.SYSTEM).setValue(RESIDENT_ID);
		newborn.setBirthDateElement(new DateType("2025-06-01"));
		assertThat(similarity.isCertain(zhangWei(), newborn)).isFalse();
		assertThat(similarity.compare(zhangWei(), newborn)).isEmpty();
	}

	@Test
	void aMistypedResidentIdWithTheSameNameBirthDateAndPhoneIsProbable() {
		Patient mistyped = zhangWei();
		mistyped.getIdentifierFirstRep().setValue(MISTYPED);
		assertThat(similarity.compare(zhangWei(), mistyped))
				.contains(new PatientSimilarity.Similarity(0.95, MatchGrade.PROBABLE));
	}

	@Test
	void aHomophoneScoresLowerThanTheSameCharactersAndLatinLettersBetween() {
		Patient sameCharacters = withoutResidentId(zhangWei());
		Patient latin = withoutResidentId(zhangWei());
		latin.getNameFirstRep().setText(null).setFamily("Zhang").setGiven(List.of(new StringType("Wei")));
		Patient homophone = withoutResidentId(zhangWei());
		homophone.getName().clear();
		homophone.addName().setText("章薇");
		double same = score(sameCharacters);
		double otherScript = score(latin);
		double homophones = score(homophone);
		assertThat(same).isEqualTo(0.90);
		assertThat(otherScript).isEqualTo(0.86);
		assertThat(homophones).isEqualTo(0.81);
	}

	@Test
	void aNamesakeBornOnAnotherDayIsNoMatch() {
		Patient namesake = withoutResidentId(zhangWei());
		namesake.setBirthDateElement(new DateType("1985-07-01"));
		namesake.getTelecom().clear();
		assertThat(similarity.compare(zhangWei(), namesake)).isEmpty();
	}

	@Test
	void nameAndBirthDateAloneArePossible() {
		Patient query = new Patient();
		query.addName().setText("张伟");
		query.setBirthDateElement(new DateType("1980-03-15"));
		assertThat(similarity.compare(query, zhangWei())).contains(new PatientSimilarity.Similarity(0.55, MatchGrade.POSSIBLE));
	}

	@Test
	void twoDifferentWellFormedResidentIdsAreTwoPeople() {
		Patient other = zhangWei();
		other.getIdentifierFirstRep().setValue(OTHER_RESIDENT_ID);
		assertThat(similarity.compare(zhangWei(), other)).as("0.9 halved").isEmpty();
	}

	@Test
	void regionsAgreeByCountyPrefectureAndProvince() {
		Patient elsewhereInChengdu = withoutResidentId(zhangWei());
		division(elsewhereInChengdu, "510104");
		Patient elsewhereInSichuan = withoutResidentId(zhangWei());
		division(elsewhereInSichuan, "511002");
		assertThat(score(elsewhereInChengdu)).isEqualTo(0.85);
		assertThat(score(elsewhereInSichuan)).isEqualTo(0.83);
	}

	@Test
	void phonesAgreeWrittenWithOrWithoutTheCountryCode() {
		assertThat(PhoneNumbers.normalized("+86 138-0013-8000")).isEqualTo("13800138000");
		assertThat(PhoneNumbers.normalized("0086 13800138000")).isEqualTo("13800138000");
		assertThat(PhoneNumbers.normalized("028-8555 1234")).isEqualTo("02885551234");
	}

	private double score(Patient candidate) {
		Optional<PatientSimilarity.Similarity> result = similarity.compare(zhangWei(), candidate);
		assertThat(result).isPresent();
		return result.get().score();
	}

	private static Patient zhangWei() {
		Patient patient = new Patient().setGender(AdministrativeGender.MALE);
		patient.addIdentifier().setSystem(ResidentIdCheck.SYSTEM).setValue(RESIDENT_ID);
		patient.addName().setText("张伟").setFamily("张").addGiven("伟");
		patient.setBirthDateElement(new DateType("1980-03-15"));
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+86 138 0013 8000");
		division(patient, "510107");
		return patient;
	}

	private static Patient withoutResidentId(Patient patient) {
		patient.getIdentifier().clear();
		return patient;
	}

	private static void division(Patient patient, String code) {
		patient.getAddress().clear();
		patient.addAddress().addExtension(Regions.ADDRESS_DIVISION,
				new Coding("http://hulian.cn/fhir/CodeSystem/gbt-2260-division", code, null));
	}
}
