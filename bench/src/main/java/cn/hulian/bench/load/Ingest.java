package cn.hulian.bench.load;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import cn.hulian.bench.generate.CareSetting;
import cn.hulian.bench.generate.PatientRecord;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The ingest phase's requests: each patient's transaction, serialised before the clock starts, posted once. A
 * transaction is accepted when every entry was created (201), the Patient possibly found already stored (200: its
 * conditional create matched, as when measuring a server that has the data); the id of the Patient is kept for the
 * queries of the later phases.
 */
public final class Ingest {

	static final String LABEL = "patient transaction";
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private final List<PatientRecord> patients;
	private final String[] transactions;
	private final String[] patientIds;

	public Ingest(List<PatientRecord> patients) {
		this.patients = patients;
		this.transactions = patients.stream().map(patient -> FHIR.newJsonParser().encodeResourceToString(patient.transaction()))
				.toArray(String[]::new);
		this.patientIds = new String[patients.size()];
	}

	/** Stores the {@link CareSetting} the patients' records refer to; fails when the server does not accept it. */
	public static void storeCareSetting(FhirEndpoint endpoint) {
		Answer answer = endpoint.postBundle(FHIR.newJsonParser().encodeResourceToString(CareSetting.transaction()));
		List<Bundle.BundleEntryComponent> entries = entriesOf(answer);
		boolean stored = !entries.isEmpty()
				&& entries.stream().allMatch(entry -> entry.getResponse().getStatus().matches("20[01].*"));
		if (!stored) {
			throw new IllegalStateException("The care setting was refused: HTTP " + answer.status() + " " + answer.body());
		}
	}

	public Request request(int number) {
		return new Request(LABEL, endpoint -> endpoint.postBundle(transactions[number]), answer -> accept(number, answer));
	}

	/** The patients with the ids the server gave them; those whose transaction failed are left out. */
	public List<StoredPatient> stored() {
		return IntStream.range(0, patients.size())
				.filter(index -> patientIds[index] != null)
				.mapToObj(index -> new StoredPatient(patients.get(index), patientIds[index]))
				.toList();
	}

	private boolean accept(int number, Answer answer) {
		List<Bundle.BundleEntryComponent> entries = entriesOf(answer);
		if (entries.size() != patients.get(number).size()
				|| !entries.get(0).getResponse().getStatus().matches("20[01] .*")
				|| !entries.stream().skip(1).allMatch(entry -> entry.getResponse().getStatus().startsWith("201"))) {
			return false;
		}
		// e.g. Patient/5f1c.../_history/1
		String location = entries.get(0).getResponse().getLocation();
		patientIds[number] = location.substring(0, location.indexOf("/_history"));
		return true;
	}

	/** The entries of a transaction-response, or none when the transaction failed. */
	static List<Bundle.BundleEntryComponent> entriesOf(Answer answer) {
		if (answer.status() != 200) {
			return List.of();
		}
		try {
			return FHIR.newJsonParser().parseResource(Bundle.class, answer.body()).getEntry();
		} catch (DataFormatException notABundle) {
			return List.of();
		}
	}
}
