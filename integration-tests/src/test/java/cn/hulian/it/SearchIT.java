package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search features clients of a health-information exchange rely on. */
class SearchIT extends ServerTestSupport {

	private String family;
	private String hospital;
	private final List<String> patientIds = new ArrayList<>();
	private String observationPatientId;

	/** Three patients of one family at one hospital, born 1980, 1990 and 1970; the first has a glucose result. */
	@BeforeEach
	void storeRecords() {
		family = unique("Chen");
		hospital = unique("Hospital");
		Organization organization = new Organization().setName(hospital);
		organization.setId(unique("org"));
		client.update().resource(organization).execute();
		for (String birthDate : new String[] {"1980-01-01", "1990-01-01", "1970-01-01"}) {
			Patient patient = new Patient();
			patient.setId(unique("search"));
			patient.addName().setFamily(family).addGiven("Given-" + birthDate);
			patient.setBirthDateElement(new DateType(birthDate));
			patient.setManagingOrganization(new Reference("Organization/" + organization.getIdElement().getIdPart()));
			client.update().resource(patient).execute();
			patientIds.add(patient.getIdElement().getIdPart());
		}
		observationPatientId = patientIds.get(0);
		Observation glucose = new Observation();
		glucose.setStatus(Observation.ObservationStatus.FINAL);
		glucose.getCode().addCoding().setSystem("http://loinc.org").setCode("2339-0");
		glucose.setSubject(new Reference("Patient/" + observationPatientId));
		client.create().resource(glucose).execute();
	}

	@Test
	void chainsThroughReferences() {
		Bundle result = search("Patient?organization.name=" + hospital);

		assertThat(ids(result, Patient.class)).containsExactlyInAnyOrderElementsOf(patientIds);
	}

	@Test
	void includesReferencedResources() {
		Bundle result = search("Observation?subject.family=" + family + "&_include=Observation:subject");

		assertThat(ids(result, Observation.class)).hasSize(1);
		assertThat(ids(result, Patient.class)).containsExactly(observationPatientId);
	}

	@Test
	void revincludesReferringResources() {
		Bundle result = search("Patient?family=" + family + "&_revinclude=Observation:subject");

		assertThat(ids(result, Patient.class)).hasSize(3);
		assertThat(ids(result, Observation.class)).hasSize(1);
	}

	@Test
	void findsResourcesByWhatRefersToThem() {
		Bundle result = search("Patient?family=" + family + "&_has:Observation:subject:code=http://loinc.org|2339-0");

		assertThat(ids(result, Patient.class)).containsExactly(observationPatientId);
	}

	@Test
	void sortsResults() {
		Bundle ascending = search("Patient?family=" + family + "&_sort=birthdate");
		Bundle descending = search("Patient?family=" + family + "&_sort=-birthdate");

		assertThat(birthYears(ascending)).containsExactly("1970", "1980", "1990");
		assertThat(birthYears(descending)).containsExactly("1990", "1980", "1970");
	}

	@Test
	void countsWithoutReturningResources() {
		Bundle result = search("Patient?family=" + family + "&_summary=count");

		assertThat(result.getTotal()).isEqualTo(3);
		assertThat(result.getEntry()).isEmpty();
	}

	@Test
	void returnsOnlyTheRequestedElements() {
		Bundle result = search("Patient?family=" + family + "&_elements=name");

		Patient first = (Patient) result.getEntryFirstRep().getResource();
		assertThat(first.hasName()).isTrue();
		assertThat(first.hasBirthDate()).isFalse();
		assertThat(first.hasManagingOrganization()).isFalse();
	}

	@Test
	void pagesThroughResults() {
		Bundle page = search("Patient?family=" + family + "&_count=2&_sort=birthdate");
		List<String> seen = new ArrayList<>(ids(page, Patient.class));
		assertThat(page.getEntry()).hasSize(2);
		assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();

		page = client.loadPage().next(page).execute();
		seen.addAll(ids(page, Patient.class));

		assertThat(page.getLink(Bundle.LINK_NEXT)).isNull();
		assertThat(seen).containsExactlyInAnyOrderElementsOf(patientIds);
	}

	/** Pages come from the database one at a time: every match once, and the total once the last page is reached. */
	@Test
	void pagesThroughUnsortedResultsWithTheTotalOnTheLastPage() {
		Bundle page = search("Patient?family=" + family + "&_count=2");
		List<String> seen = new ArrayList<>(ids(page, Patient.class));
		assertThat(page.getLink(Bundle.LINK_NEXT)).isNotNull();

		page = client.loadPage().next(page).execute();
		seen.addAll(ids(page, Patient.class));

		assertThat(page.getLink(Bundle.LINK_NEXT)).isNull();
		assertThat(seen).containsExactlyInAnyOrderElementsOf(patientIds);
		assertThat(page.getTotal()).isEqualTo(3);
		assertThat(search("Patient?family=" + family + "&_count=5").getTotal()).as("all on the first page").isEqualTo(3);
	}

	@Test
	void everythingReturnsThePatientsWholeRecord() {
		Bundle everything = client.operation()
				.onInstance(new IdType("Patient", observationPatientId))
				.named("$everything")
				.withNoParameters(Parameters.class)
				.useHttpGet()
				.returnResourceType(Bundle.class)
				.execute();

		assertThat(ids(everything, Patient.class)).containsExactly(observationPatientId);
		assertThat(ids(everything, Observation.class)).hasSize(1);
		assertThat(ids(everything, Organization.class)).hasSize(1);
	}

	/** Pages of a patient's whole record come from the database too: each record once, whatever the page size. */
	@Test
	void everythingPagesThroughTheWholeRecordEachRecordOnce() {
		List<String> observations = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Observation weight = new Observation();
			weight.setStatus(Observation.ObservationStatus.FINAL);
			weight.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7");
			weight.setSubject(new Reference("Patient/" + observationPatientId));
			observations.add(client.create().resource(weight).execute().getId().getIdPart());
		}
		Bundle page = client.operation().onInstance(new IdType("Patient", observationPatientId)).named("$everything")
				.withParameter(Parameters.class, "_count", new IntegerType(2)).useHttpGet()
				.returnResourceType(Bundle.class).execute();
		List<String> seen = new ArrayList<>();
		int pages = 1;
		while (true) {
			seen.addAll(ids(page, Observation.class));
			if (page.getLink(Bundle.LINK_NEXT) == null) {
				break;
			}
			page = client.loadPage().next(page).execute();
			pages++;
		}
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(seen).doesNotHaveDuplicates().hasSize(6).containsAll(observations);
	}

	private Bundle search(String url) {
		return client.search().byUrl(url).returnBundle(Bundle.class).execute();
	}

	private static List<String> ids(Bundle bundle, Class<? extends IBaseResource> type) {
		return bundle.getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource)
				.filter(type::isInstance)
				.map(resource -> resource.getIdElement().getIdPart())
				.toList();
	}

	private static List<String> birthYears(Bundle bundle) {
		return bundle.getEntry().stream()
				.map(entry -> ((Patient) entry.getResource()).getBirthDateElement().getValueAsString().substring(0, 4))
				.toList();
	}
}
