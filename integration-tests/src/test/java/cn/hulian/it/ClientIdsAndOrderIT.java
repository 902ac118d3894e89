package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Hospital systems keep their own ids and send records in any order. */
class ClientIdsAndOrderIT extends ServerTestSupport {

	@Test
	void acceptsNumericClientAssignedIds() {
		String id = Long.toString(System.nanoTime() % 1_000_000_000L);
		Patient patient = new Patient();
		patient.setId(id);
		patient.addName().setFamily("张");

		MethodOutcome outcome = client.update().resource(patient).execute();

		assertThat(outcome.getCreated()).isTrue();
		Patient read = client.read().resource(Patient.class).withId(id).execute();
		assertThat(read.getIdElement().getIdPart()).isEqualTo(id);
		assertThat(read.getNameFirstRep().getFamily()).isEqualTo("张");
	}

	@Test
	void acceptsClientIdsOfAnyFormTheSpecAllows() {
		String id = unique("HIS.A-42");
		Patient patient = new Patient();
		patient.setId(id);

		client.update().resource(patient).execute();

		assertThat(client.read().resource(Patient.class).withId(id).execute().getIdElement().getIdPart())
				.isEqualTo(id);
	}

	@Test
	void assignsUuidsToResourcesCreatedWithoutAnId() {
		MethodOutcome outcome = client.create().resource(new Patient()).execute();

		assertThat(outcome.getId().getIdPart()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	}

	@Test
	void acceptsReferencesToResourcesThatHaveNotArrivedYet() {
		String patientId = unique("late");
		String family = unique("Late");
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().setText("heart rate");
		observation.setSubject(new Reference("Patient/" + patientId));

		String observationId = client.create().resource(observation).execute().getId().getIdPart();

		Patient patient = new Patient();
		patient.setId(patientId);
		patient.addName().setFamily(family);
		client.update().resource(patient).execute();

		Bundle found = client.search()
				.byUrl("Observation?subject.family=" + family)
				.returnBundle(Bundle.class)
				.execute();
		assertThat(found.getEntry())
				.extracting(entry -> entry.getResource().getIdElement().getIdPart())
				.containsExactly(observationId);
	}
}
