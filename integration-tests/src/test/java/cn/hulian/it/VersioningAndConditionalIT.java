package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Versioned updates ({@code If-Match}) and conditional create, update and delete. */
class VersioningAndConditionalIT extends ServerTestSupport {

	private static final String MRN = "http://hospital.example.cn/mrn";

	@Test
	void updatesWhenIfMatchNamesTheCurrentVersion() {
		Patient patient = storedPatient();
		patient.setActive(true);

		MethodOutcome outcome = client.update().resource(patient).withId(patient.getIdElement().withVersion("1"))
				.execute();

		assertThat(outcome.getId().getVersionIdPart()).isEqualTo("2");
	}

	@Test
	void refusesAnUpdateBasedOnAStaleVersion() {
		Patient patient = storedPatient();
		patient.setActive(true);
		client.update().resource(patient).execute();
		patient.setActive(false);

		// The client still holds version 1; version 2 is current.
		assertThatThrownBy(() -> client.update().resource(patient).withId(patient.getIdElement().withVersion("1"))
						.execute())
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));
		assertThat(client.read().resource(Patient.class).withId(patient.getIdElement().getIdPart()).execute().getActive())
				.isTrue();
	}

	@Test
	void conditionalCreateReturnsTheRecordThatAlreadyMatches() {
		String mrn = unique("mrn");
		Patient first = new Patient();
		first.addIdentifier().setSystem(MRN).setValue(mrn);
		String firstId = client.create().resource(first).conditionalByUrl("Patient?identifier=" + MRN + "|" + mrn)
				.execute().getId().getIdPart();

		MethodOutcome second = client.create().resource(first).conditionalByUrl("Patient?identifier=" + MRN + "|" + mrn)
				.execute();

		assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
		assertThat(second.getId().getIdPart()).isEqualTo(firstId);
		assertThat(countByIdentifier(mrn)).isEqualTo(1);
	}

	@Test
	void conditionalCreateRefusesWhenSeveralRecordsMatch() {
		String mrn = unique("mrn");
		for (int i = 0; i < 2; i++) {
			Patient patient = new Patient();
			patient.addIdentifier().setSystem(MRN).setValue(mrn);
			client.create().resource(patient).execute();
		}
		Patient third = new Patient();
		third.addIdentifier().setSystem(MRN).setValue(mrn);

		assertThatThrownBy(() -> client.create().resource(third).conditionalByUrl("Patient?identifier=" + MRN + "|" + mrn)
						.execute())
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
		assertThat(countByIdentifier(mrn)).isEqualTo(2);
	}

	@Test
	void conditionalUpdateCreatesOnceThenUpdatesTheSameRecord() {
		String mrn = unique("mrn");
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(MRN).setValue(mrn);
		patient.addName().setFamily("First");

		MethodOutcome created = client.update().resource(patient).conditionalByUrl("Patient?identifier=" + MRN + "|" + mrn)
				.execute();
		patient.getNameFirstRep().setFamily("Second");
		MethodOutcome updated = client.update().resource(patient).conditionalByUrl("Patient?identifier=" + MRN + "|" + mrn)
				.execute();

		assertThat(created.getCreated()).isTrue();
		assertThat(updated.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
		assertThat(countByIdentifier(mrn)).isEqualTo(1);
	}

	@Test
	void conditionalDeleteRemovesTheMatchingRecordsOnly() {
		String mrn = unique("mrn");
		String other = unique("mrn");
		for (String value : new String[] {mrn, mrn, other}) {
			Patient patient = new Patient();
			patient.addIdentifier().setSystem(MRN).setValue(value);
			client.create().resource(patient).execute();
		}

		client.delete().resourceConditionalByUrl("Patient?identifier=" + MRN + "|" + mrn).execute();

		assertThat(countByIdentifier(mrn)).isZero();
		assertThat(countByIdentifier(other)).isEqualTo(1);
	}

	private Patient storedPatient() {
		Patient patient = new Patient();
		patient.setId(unique("versioned"));
		patient.addName().setFamily("Li");
		client.update().resource(patient).execute();
		return client.read().resource(Patient.class).withId(patient.getIdElement().getIdPart()).execute();
	}

	private int countByIdentifier(String mrn) {
		return client.search().byUrl("Patient?identifier=" + MRN + "|" + mrn + "&_summary=count")
				.returnBundle(Bundle.class).execute().getTotal();
	}
}
