package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every version is kept, deletes included, and can be read back at instance, type and system level. */
class HistoryIT extends ServerTestSupport {

	private String id;
	private Date beforeUpdate;
	private Date afterUpdate;

	@BeforeEach
	void createUpdateAndDelete() throws InterruptedException {
		id = unique("history");
		Patient patient = new Patient();
		patient.setId(id);
		patient.addName().setFamily("Wang");
		client.update().resource(patient).execute();
		Thread.sleep(50);
		beforeUpdate = new Date();
		Thread.sleep(50);
		patient.getNameFirstRep().setFamily("Wang-Updated");
		client.update().resource(patient).execute();
		Thread.sleep(50);
		afterUpdate = new Date();
		Thread.sleep(50);
		client.delete().resourceById(new IdType("Patient", id)).execute();
	}

	@Test
	void instanceHistoryListsEveryVersionNewestFirstIncludingTheDelete() {
		Bundle history = client.history().onInstance(new IdType("Patient", id)).returnBundle(Bundle.class).execute();

		assertThat(history.getEntry()).hasSize(3);
		assertThat(history.getEntry()).extracting(e -> e.getRequest().getMethod())
				// HAPI records the first version, an update-as-create, as a create (POST).
				.containsExactly(Bundle.HTTPVerb.DELETE, Bundle.HTTPVerb.PUT, Bundle.HTTPVerb.POST);
		assertThat(((Patient) history.getEntry().get(1).getResource()).getNameFirstRep().getFamily())
				.isEqualTo("Wang-Updated");
	}

	@Test
	void aDeletedRecordIsGoneButItsVersionsStayReadable() {
		assertThatThrownBy(() -> client.read().resource(Patient.class).withId(id).execute())
				.isInstanceOf(ResourceGoneException.class);

		Patient first = client.read().resource(Patient.class).withIdAndVersion(id, "1").execute();
		assertThat(first.getNameFirstRep().getFamily()).isEqualTo("Wang");
	}

	@Test
	void sinceReturnsOnlyTheChangesAfterThatMoment() {
		Bundle history = client.history().onInstance(new IdType("Patient", id)).returnBundle(Bundle.class)
				.since(afterUpdate).execute();

		assertThat(history.getEntry()).extracting(e -> e.getRequest().getMethod())
				.containsExactly(Bundle.HTTPVerb.DELETE);
	}

	@Test
	void atReturnsTheVersionCurrentAtThatMoment() {
		String at = URLEncoder.encode(new InstantType(beforeUpdate).getValueAsString(), StandardCharsets.UTF_8);
		HttpResponse<String> response = send(fhirRequest("Patient/" + id + "/_history?_at=" + at).GET());
		Bundle history = FHIR.newJsonParser().parseResource(Bundle.class, response.body());

		assertThat(history.getEntry()).extracting(e -> e.getResource().getMeta().getVersionId()).containsExactly("1");
	}

	@Test
	void typeAndSystemHistoryIncludeTheChanges() {
		Bundle typeHistory = client.history().onType(Patient.class).returnBundle(Bundle.class)
				.since(beforeUpdate).count(500).execute();
		Bundle systemHistory = client.history().onServer().returnBundle(Bundle.class)
				.since(beforeUpdate).count(500).execute();

		assertThat(changesTo(id, typeHistory)).containsExactly(Bundle.HTTPVerb.DELETE, Bundle.HTTPVerb.PUT);
		assertThat(changesTo(id, systemHistory)).containsExactly(Bundle.HTTPVerb.DELETE, Bundle.HTTPVerb.PUT);
	}

	/** The changes a history Bundle lists for one Patient, in the Bundle's order. */
	private static List<Bundle.HTTPVerb> changesTo(String patientId, Bundle history) {
		return history.getEntry().stream()
				.filter(e -> new IdType(e.getFullUrl()).getIdPart().equals(patientId))
				.map(e -> e.getRequest().getMethod())
				.toList();
	}
}
