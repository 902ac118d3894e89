package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;

/**
 * One person, registered by three hospitals under their own ids: {@code Patient/$match} finds and grades the records,
 * and {@code $everything} on any one of them returns every hospital's records the caller may see.
 */
class PatientMatchingIT extends ServerTestSupport {

	private static final TestIssuer ISSUER = TestIssuer.get();
	private static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
	private static final String SOURCE_INSTITUTION = "http://hulian.cn/fhir/CodeSystem/source-institution";
	private static final String MATCH_GRADE = "http://hl7.org/fhir/StructureDefinition/match-grade";
	private static final String HOSPITAL_C = "12510000450000001C0001";

	private final IGenericClient hospitalA = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A));
	private final IGenericClient hospitalB = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(TestIssuer.HOSPITAL_B));
	private final IGenericClient hospitalC = newClient(server.fhirBaseUrl(), SecurityIT.hospitalToken(HOSPITAL_C));
	private final IGenericClient platform = newClient(server.fhirBaseUrl(),
			ISSUER.token(Map.of("hulian_role", "regional-platform", "scope", "system/*.rs")));

	@Test
	void matchGradesEachHospitalsRecordOfThePersonBestFirst() {
		Person person = Person.random();
		String a = create(hospitalA, person.patient("诸葛明", person.residentId()));
		Patient inLatin = person.patient(null, person.residentId());
		inLatin.addName().setFamily("Zhuge").addGiven("Ming");
		String b = create(hospitalB, inLatin);
		String mistyped = create(hospitalC, person.patient("诸葛明", person.mistypedResidentId()));
		Patient namesake = new Patient().setGender(AdministrativeGender.MALE)
				.setBirthDateElement(new DateType(person.otherBirthDate()));
		namesake.addName().setText("诸葛明");
		String namesakeId = create(hospitalC, namesake);

		Bundle matches = match(platform, person.patient("诸葛明", person.residentId()), null, null);

		assertThat(matches.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
		assertThat(ids(matches)).contains(mistyped).doesNotContain(namesakeId);
		assertThat(ids(matches).subList(0, 2)).as("certain ones first").containsExactlyInAnyOrder(a, b);
		assertThat(grade(matches, a)).isEqualTo("certain");
		assertThat(grade(matches, b)).isEqualTo("certain");
		assertThat(entry(matches, a).getSearch().getScore()).isEqualByComparingTo("1.0");
		assertThat(entry(matches, a).getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
		assertThat(grade(matches, mistyped)).as("same name, birth date, phone; a typo in the ID").isEqualTo("probable");
		assertThat(entry(matches, mistyped).getSearch().getScore()).isEqualByComparingTo("0.85");
		assertThat(ids(matches).indexOf(mistyped)).isEqualTo(2);
		assertThat(((Patient) entry(matches, b).getResource()).getMeta().getTag(SOURCE_INSTITUTION, TestIssuer.HOSPITAL_B))
				.as("which institution each record comes from").isNotNull();

		assertThat(ids(match(platform, person.patient("诸葛明", person.residentId()), true, null)))
				.containsExactlyInAnyOrder(a, b);
		assertThat(ids(match(platform, person.patient("诸葛明", person.residentId()), null, 1))).hasSize(1).containsAnyOf(a, b);

		Patient byNameInLatin = new Patient().setBirthDateElement(new DateType(person.birthDate()));
		byNameInLatin.addName().setFamily("Zhuge").addGiven("Ming");
		byNameInLatin.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(person.phone());
		Bundle byPinyin = match(hospitalA, byNameInLatin, null, null);
		assertThat(ids(byPinyin)).as("诸葛明 is Zhuge Ming").contains(a, mistyped);
		assertThat(grade(byPinyin, a)).as("name in another script, birth date and phone").isEqualTo("possible");
		assertThat(entry(byPinyin, b).getSearch().getScore()).as("the same Latin letters score above the characters")
				.isGreaterThan(entry(byPinyin, a).getSearch().getScore());
	}

	@Test
	void badInputIsRefusedWithAnOperationOutcomeInEitherLanguage() {
		HttpResponse<String> noResource = postMatch("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"count\",\"valueInteger\":3}]}", "en");
		assertThat(noResource.statusCode()).isEqualTo(400);
		assertThat(diagnostics(noResource)).contains("\"resource\"");
		assertThat(diagnostics(postMatch("{\"resourceType\":\"Parameters\"}", "zh-CN"))).contains("待匹配的患者");

		String observation = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
				+ "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}]}";
		HttpResponse<String> notAPatient = postMatch(observation, "en");
		assertThat(notAPatient.statusCode()).isEqualTo(400);
		assertThat(diagnostics(notAPatient)).contains("Observation");
		assertThat(diagnostics(postMatch(observation, "zh"))).contains("只匹配 Patient");

		String badChecksum = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
				+ "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + RESIDENT_ID
				+ "\",\"value\":\"510107199003151231\"}]}}]}";
		HttpResponse<String> invalidId = postMatch(badChecksum, "en");
		assertThat(invalidId.statusCode()).isEqualTo(422);
		assertThat(diagnostics(invalidId)).contains("510107199003151231").contains("MOD 11-2");
		assertThat(diagnostics(postMatch(badChecksum, "zh-CN"))).contains("居民身份证号码");

		String zeroCount = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
				+ "{\"resourceType\":\"Patient\",\"birthDate\":\"1980-01-01\"}},{\"name\":\"count\",\"valueInteger\":0}]}";
		assertThat(postMatch(zeroCount, "en").statusCode()).isEqualTo(400);
	}

	@Test
	void patientsAndAuditorsCannotMatch() {
		String patient = create(hospitalA, new Patient().setBirthDateElement(new DateType("1990-01-01")));
		String patientToken = ISSUER.token(Map.of("hulian_role", "patient", "patient", patient, "scope", "patient/*.rs"));
		String auditorToken = ISSUER.token(Map.of("hulian_role", "auditor", "scope", "system/*.rs"));
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resource\",\"resource\":"
				+ "{\"resourceType\":\"Patient\",\"birthDate\":\"1990-01-01\"}}]}";
		for (String token : List.of(patientToken, auditorToken)) {
			HttpResponse<String> refused = sendAsIs(SecurityIT.withToken(fhirRequest("Patient/$match")
					.header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(body)), token));
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(operationOutcome(refused).getIssueFirstRep().getDiagnostics()).isNotBlank();
		}
	}

	@Test
	void everythingOnOneHospitalsRecordReturnsTheRecordsOfEveryHospitalTheCallerMaySee() {
		Person person = Person.random();
		String a = create(hospitalA, person.patient("诸葛明", person.residentId()));
		String b = create(hospitalB, person.patient("诸葛明", person.residentId()));
		Patient asserted = new Patient();
		asserted.addName().setText("诸葛明");
		asserted.addLink().setType(Patient.LinkType.SEEALSO).setOther(new Reference("Patient/" + a));
		String c = create(hospitalC, asserted);
		String observationA = create(hospitalA, observation(a, "血压"));
		String observationB = create(hospitalB, observation(b, "血糖"));
		String observationC = create(hospitalC, observation(c, "体重"));
		String unrelated = create(hospitalB, person.patient("诸葛亮", null));
		String clinicianOfA = ISSUER.token(Map.of("hulian_role", "clinician", "hulian_institution", TestIssuer.HOSPITAL_A,
				"scope", "user/*.cruds"));
		IGenericClient clinician = newClient(server.fhirBaseUrl(), clinicianOfA);

		Bundle everything = everything(clinician, b);
		assertThat(clinicalRecordIds(everything)).containsExactlyInAnyOrder("Patient/" + a, "Patient/" + b,
				"Patient/" + c, observationA, observationB, observationC).doesNotContain("Patient/" + unrelated);
		for (Bundle.BundleEntryComponent entry : clinicalRecords(everything)) {
			assertThat(entry.getResource().getMeta().getTag()).as("the institution of " + entry.getFullUrl())
					.anySatisfy(tag -> assertThat(tag.getSystem()).isEqualTo(SOURCE_INSTITUTION));
		}
		Observation fromB = (Observation) everything.getEntry().stream()
				.filter(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue().equals(observationB))
				.findFirst().orElseThrow().getResource();
		assertThat(fromB.getSubject().getReference()).as("the Patient of the institution it comes from").endsWith("Patient/" + b);
		assertThat(recordIds(everything(platform, c))).as("from the record linked by assertion")
				.contains(observationA, observationB, observationC);

		hospitalB.create().resource(ConsentIT.denial("Patient/" + b)).execute();
		assertThat(recordIds(everything(clinician, a))).as("hospital B's records are withheld from hospital A")
				.contains(observationA, observationC, "Patient/" + a).doesNotContain(observationB, "Patient/" + b);
		assertThat(recordIds(everything(hospitalB, a))).as("but not from hospital B itself").contains(observationB);

		String patientToken = ISSUER.token(Map.of("hulian_role", "patient", "patient", a, "scope", "patient/*.rs"));
		assertThat(recordIds(everything(newClient(server.fhirBaseUrl(), patientToken), a)))
				.as("a patient's app keeps to its own record").contains(observationA).doesNotContain(observationB, observationC);
	}

	private Bundle match(IGenericClient caller, Patient patient, Boolean onlyCertain, Integer count) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("resource").setResource(patient);
		if (onlyCertain != null) {
			parameters.addParameter().setName("onlyCertainMatches").setValue(new BooleanType(onlyCertain));
		}
		if (count != null) {
			parameters.addParameter().setName("count").setValue(new IntegerType(count));
		}
		return caller.operation().onType(Patient.class).named("$match").withParameters(parameters)
				.returnResourceType(Bundle.class).execute();
	}

	private HttpResponse<String> postMatch(String body, String language) {
		return send(fhirRequest("Patient/$match").header("Content-Type", "application/fhir+json")
				.header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static Bundle everything(IGenericClient caller, String patient) {
		return caller.operation().onInstance("Patient/" + patient).named("$everything")
				.withParameter(Parameters.class, "_count", new UnsignedIntType(200))
				.useHttpGet().returnResourceType(Bundle.class).execute();
	}

	private static String create(IGenericClient client, Resource resource) {
		String id = client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
		return resource instanceof Patient ? id.substring("Patient/".length()) : id;
	}

	private static Observation observation(String patient, String what) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
				.setSubject(new Reference("Patient/" + patient));
		observation.getCode().setText(what);
		return observation;
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}

	private static List<String> recordIds(Bundle bundle) {
		return bundle.getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}

	/** The entries other than the server's Provenances of the writes (which name the institution as onBehalfOf). */
	private static List<Bundle.BundleEntryComponent> clinicalRecords(Bundle bundle) {
		return bundle.getEntry().stream().filter(entry -> !(entry.getResource() instanceof Provenance)).toList();
	}

	private static List<String> clinicalRecordIds(Bundle bundle) {
		return clinicalRecords(bundle).stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}

	private static Bundle.BundleEntryComponent entry(Bundle bundle, String patientId) {
		return bundle.getEntry().stream()
				.filter(entry -> entry.getResource().getIdElement().getIdPart().equals(patientId))
				.findFirst().orElseThrow(() -> new AssertionError("Patient/" + patientId + " is not in the matches"));
	}

	private static String grade(Bundle bundle, String patientId) {
		return ((CodeType) entry(bundle, patientId).getSearch().getExtensionByUrl(MATCH_GRADE).getValue()).getValue();
	}

	/** A person of this test alone: a resident ID number, birth date and phone no other test uses. */
	private record Person(String residentId, String birthDate, String phone) {

		private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

		static Person random() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String birthDate = String.format("%d-%02d-%02d", random.nextInt(1930, 2000), random.nextInt(1, 13),
					random.nextInt(1, 29));
			String body = "510107" + birthDate.replace("-", "") + String.format("%03d", random.nextInt(0, 500) * 2 + 1);
			int sum = 0;
			for (int i = 0; i < WEIGHTS.length; i++) {
				sum += (body.charAt(i) - '0') * WEIGHTS[i];
			}
			return new Person(body + "10X98765432".charAt(sum % 11), birthDate,
					"139" + String.format("%08d", random.nextInt(100_000_000)));
		}

		/** The number with its last digit before the check character changed: the check no longer fits. */
		String mistypedResidentId() {
			char last = residentId.charAt(16);
			return residentId.substring(0, 16) + (last == '9' ? '0' : (char) (last + 1)) + residentId.charAt(17);
		}

		String otherBirthDate() {
			return (Integer.parseInt(birthDate.substring(0, 4)) + 1) + birthDate.substring(4);
		}

		Patient patient(String name, String residentIdNumber) {
			Patient patient = new Patient().setGender(AdministrativeGender.MALE).setBirthDateElement(new DateType(birthDate));
			if (residentIdNumber != null) {
				patient.addIdentifier().setSystem(RESIDENT_ID).setValue(residentIdNumber);
			}
			if (name != null) {
				patient.addName().setText(name);
			}
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
			return patient;
		}
	}
}
