package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Records, their history and the search index are all still there after the server restarts. */
class RestartIT extends ServerTestSupport {

	@Test
	void everythingStoredSurvivesARestart() {
		String word = unique("persistent").replace("-", "");
		Patient patient = new Patient();
		patient.setId(unique("restart"));
		patient.addName().setFamily("Zhou").addGiven(word);
		client.update().resource(patient).execute();
		patient.setActive(true);
		client.update().resource(patient).execute();
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().setText("blood pressure");
		observation.setSubject(new Reference("Patient/" + patient.getIdElement().getIdPart()));
		client.create().resource(observation).execute();

		server.restart();

		Patient reread = client.read().resource(Patient.class).withId(patient.getIdElement().getIdPart()).execute();
		assertThat(reread.getMeta().getVersionId()).isEqualTo("2");
		assertThat(reread.getActive()).isTrue();
		assertThat(client.search().byUrl("Observation?subject=Patient/" + patient.getIdElement().getIdPart())
						.returnBundle(Bundle.class).execute().getEntry())
				.hasSize(1);
		// The full-text index lives beside the database and must have kept its entries too.
		assertThat(client.search().byUrl("Patient?_content=" + word)
						.returnBundle(Bundle.class).execute().getEntry())
				.extracting(entry -> entry.getResource().getIdElement().getIdPart())
				.containsExactly(patient.getIdElement().getIdPart());
	}
}
