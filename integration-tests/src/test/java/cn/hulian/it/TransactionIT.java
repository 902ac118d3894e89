package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Transactions are atomic; batches are not. */
class TransactionIT extends ServerTestSupport {

	private static final String IDS = "urn:oid:2.16.156.10011.1.3";

	@Test
	void storesAllEntriesOfATransactionAndResolvesTheirReferences() {
		String identifier = unique("tx");
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(IDS).setValue(identifier);
		transaction.addEntry().setFullUrl("urn:uuid:0f6a8d6e-8a5c-4c4e-9b1a-1d2f3a4b5c6d").setResource(patient)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Observation observation = new Observation();
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().setText("glucose");
		observation.setSubject(new Reference("urn:uuid:0f6a8d6e-8a5c-4c4e-9b1a-1d2f3a4b5c6d"));
		transaction.addEntry().setResource(observation)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		Bundle response = client.transaction().withBundle(transaction).execute();

		assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus()).allMatch(s -> s.startsWith("201"));
		Bundle observations = client.search()
				.byUrl("Observation?subject.identifier=" + IDS + "|" + identifier)
				.returnBundle(Bundle.class)
				.execute();
		assertThat(observations.getEntry()).hasSize(1);
	}

	@Test
	void aTransactionWithOneBadEntryStoresNothing() {
		String identifier = unique("rollback");
		Patient existing = new Patient();
		existing.setId(unique("existing"));
		existing.addName().setFamily("Before");
		client.update().resource(existing).execute();

		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient created = new Patient();
		created.addIdentifier().setSystem(IDS).setValue(identifier);
		transaction.addEntry().setResource(created).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Patient changed = existing.copy();
		changed.getNameFirstRep().setFamily("After");
		transaction.addEntry().setResource(changed)
				.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + existing.getIdElement().getIdPart());
		Patient other = new Patient();
		other.setId(unique("other"));
		client.update().resource(other).execute();
		transaction.addEntry(staleUpdateOf(other));

		assertThatThrownBy(() -> client.transaction().withBundle(transaction).execute())
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(409));

		assertThat(client.search().byUrl("Patient?identifier=" + IDS + "|" + identifier)
						.returnBundle(Bundle.class).execute().getEntry())
				.isEmpty();
		Patient reread = client.read().resource(Patient.class).withId(existing.getIdElement().getIdPart()).execute();
		assertThat(reread.getNameFirstRep().getFamily()).isEqualTo("Before");
		assertThat(reread.getMeta().getVersionId()).isEqualTo("1");
	}

	@Test
	void aBatchProcessesEachEntryOnItsOwn() {
		String identifier = unique("batch");
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		Patient good = new Patient();
		good.addIdentifier().setSystem(IDS).setValue(identifier);
		batch.addEntry().setResource(good).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Patient existing = new Patient();
		existing.setId(unique("existing"));
		client.update().resource(existing).execute();
		batch.addEntry(staleUpdateOf(existing));

		Bundle response = client.transaction().withBundle(batch).execute();

		assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
		assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("409");
		assertThat(client.search().byUrl("Patient?identifier=" + IDS + "|" + identifier)
						.returnBundle(Bundle.class).execute().getEntry())
				.hasSize(1);
	}

	/** An entry that updates {@code patient} only if it is still at version 99, which it is not: a version conflict. */
	private static Bundle.BundleEntryComponent staleUpdateOf(Patient patient) {
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent().setResource(patient.copy());
		entry.getRequest()
				.setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("Patient/" + patient.getIdElement().getIdPart())
				.setIfMatch("W/\"99\"");
		return entry;
	}
}
