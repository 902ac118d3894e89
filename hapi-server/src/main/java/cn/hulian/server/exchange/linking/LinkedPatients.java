package cn.hulian.server.exchange.linking;

import ca.uhn.fhir.rest.param.ReferenceParam;
import cn.hulian.server.exchange.PatientLookup;
import cn.hulian.server.exchange.ResidentIdCheck;
import cn.hulian.server.exchange.matching.PatientSimilarity;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Patient records (each institution keeps its own) that are one person. Two records are linked when they are a
 * certain match ({@link PatientSimilarity#isCertain}: the same well-formed resident ID number, birth dates not in
 * conflict) or when either names the other in {@code Patient.link} (an institution's or administrator's assertion).
 * Links are followed from record to record, up to {@value #MAX_LINKED} records. Nothing is stored: the links are
 * found by indexed searches when asked, so a corrected record is linked or unlinked at once. Probable and possible
 * matches are never linked by the server.
 */
@Component
public class LinkedPatients {

	/** More records than this for one person means bad data, not one person: the rest is left out. */
	static final int MAX_LINKED = 50;
	private static final Logger log = LoggerFactory.getLogger(LinkedPatients.class);

	private final PatientLookup lookup;
	private final PatientSimilarity similarity;
	private final ResidentIdCheck residentIds;

	public LinkedPatients(PatientLookup lookup, PatientSimilarity similarity, ResidentIdCheck residentIds) {
		this.lookup = lookup;
		this.similarity = similarity;
		this.residentIds = residentIds;
	}

	/** The ids of Patient {@code patientId} and of every record linked to it, {@code patientId} first. */
	public Set<String> of(String patientId) {
		Set<String> linked = new LinkedHashSet<>(List.of(patientId));
		Deque<String> toVisit = new ArrayDeque<>(linked);
		while (!toVisit.isEmpty()) {
			for (String next : linkedTo(toVisit.poll())) {
				if (linked.size() == MAX_LINKED) {
					log.warn("Patient/{} is linked to more than {} records; only the first {} are treated as one person",
							patientId, MAX_LINKED, MAX_LINKED);
					return linked;
				}
				if (linked.add(next)) {
					toVisit.add(next);
				}
			}
		}
		return linked;
	}

	/** The records linked directly to Patient {@code id}. */
	private Set<String> linkedTo(String id) {
		Set<String> linked = new LinkedHashSet<>();
		Optional<Patient> patient = lookup.read(id);
		if (patient.isEmpty()) {
			return linked;
		}
		for (String number : residentIds.validNumbers(patient.get())) {
			lookup.withResidentId(number).stream()
					.filter(other -> similarity.isCertain(patient.get(), other))
					.forEach(other -> linked.add(other.getIdElement().getIdPart()));
		}
		patient.get().getLink().stream()
				.map(link -> link.getOther().getReferenceElement())
				.filter(other -> "Patient".equals(other.getResourceType()) && other.hasIdPart())
				.forEach(other -> linked.add(other.getIdPart()));
		lookup.search(Patient.SP_LINK, new ReferenceParam("Patient/" + id))
				.forEach(other -> linked.add(other.getIdElement().getIdPart()));
		linked.remove(id);
		return linked;
	}
}
