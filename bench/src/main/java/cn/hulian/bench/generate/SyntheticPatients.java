package cn.hulian.bench.generate;

import static cn.hulian.bench.generate.Systems.EXTENSION;
import static cn.hulian.bench.generate.Systems.PROFILE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Synthetic patients of an internet hospital, one transaction of 15 resources each, that conform to the Hulian profiles
 * and abide by every regulation rule. The same seed gives the same patients; patient {@code i} does not depend on how
 * many are generated. The transactions refer to the {@link CareSetting}, which is stored first.
 */
public final class SyntheticPatients {

	/** Resident ID order numbers: 0 to 498 (odd for men, even for women, three digits). */
	private static final int ORDER_NUMBERS = 499;

	private final long seed;

	public SyntheticPatients(long seed) {
		this.seed = seed;
	}

	/** Patients 0 to {@code count - 1}. */
	public List<PatientRecord> generate(int count) {
		List<PatientRecord> patients = new ArrayList<>(count);
		Set<String> residentIds = new HashSet<>();
		for (int index = 0; index < count; index++) {
			Random random = new Random(seed * 1_000_003L + index);
			Person person = Person.draw(random, index % ORDER_NUMBERS);
			// Two people born the same day in the same district would share an ID number: give the later one another.
			for (int order = index + 1; !residentIds.add(person.residentId()); order++) {
				person = person.withOrder(order % ORDER_NUMBERS);
			}
			patients.add(record(CareStory.draw(random, seed, index, person), random));
		}
		return patients;
	}

	private static PatientRecord record(CareStory story, Random random) {
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Person person = story.person();
		transaction.addEntry().setFullUrl(story.url("Patient")).setResource(patient(person)).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient")
				.setIfNoneExist("identifier=" + Systems.RESIDENT_ID_CARD + "|" + person.residentId());
		post(transaction, story.url("Encounter/in-person"), InPersonCare.visit(story));
		post(transaction, story.url("Condition"), InPersonCare.diagnosis(story));
		post(transaction, story.url("Encounter/online"), OnlineCare.followUp(story));
		post(transaction, story.url("MedicationRequest"), OnlineCare.prescription(story));
		post(transaction, story.url("Task"), OnlineCare.review(story));
		post(transaction, story.url("MedicationDispense"), OnlineCare.dispense(story));
		post(transaction, story.url("CareTeam"), ChronicCare.familyDoctorTeam(story));
		post(transaction, story.url("Goal"), ChronicCare.goal(story));
		post(transaction, story.url("CarePlan"), ChronicCare.plan(story));
		for (int i = 0; i < CareStory.MEASUREMENTS; i++) {
			post(transaction, story.url("Observation/" + i), ChronicCare.measurement(story, i, random));
		}
		post(transaction, story.url("Coverage"), Insurance.coverage(story));
		post(transaction, story.url("Claim"), Insurance.claim(story));
		return new PatientRecord(transaction, person.residentId(), person.name(), story.disease().clinicalCode,
				story.measurements().stream().map(measurement -> measurement.loincCode).distinct().toList(),
				List.of(story.diagnosed().toLocalDate(), story.followUp().toLocalDate()));
	}

	private static Patient patient(Person person) {
		Patient patient = new Patient();
		patient.getMeta().addProfile(PROFILE + "cn-patient");
		patient.addExtension(EXTENSION + "cn-ethnicity",
				new Coding(Systems.ETHNICITY, person.ethnicityCode(), person.ethnicityName()));
		patient.addIdentifier().setSystem(Systems.RESIDENT_ID_CARD).setValue(person.residentId());
		patient.addName(new HumanName().setText(person.name()).setFamily(person.family()).addGiven(person.given()));
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
				.setValue(person.phone());
		patient.setGender(person.male() ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
		patient.setBirthDateElement(ChinaTime.date(person.birthDate()));
		Residence residence = person.residence();
		Address address = CareSetting.address(residence.division, residence.district)
				.setUse(Address.AddressUse.HOME).setCity(residence.city).setDistrict(residence.district);
		patient.addAddress(address);
		return patient;
	}

	private static void post(Bundle transaction, String fullUrl, Resource resource) {
		transaction.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
	}
}
