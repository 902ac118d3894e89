package cn.hulian.server.audit;

import cn.hulian.server.consent.PurposeOfUse;
import cn.hulian.server.security.Caller;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds the Provenance of a create or update: the exact version written, when, the activity, who wrote it (the
 * user, else the client application) and the institution it acted for.
 */
final class Provenances {

	private Provenances() {}

	static Provenance of(String versionedTarget, String activity, Optional<Caller> caller, Set<String> purposeOfUse,
			Instant recorded) {
		Provenance provenance = new Provenance();
		provenance.addTarget(new Reference(versionedTarget));
		provenance.setRecorded(Date.from(recorded));
		provenance.setActivity(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation", activity, null)));
		purposeOfUse.forEach(code -> provenance.addReason(new CodeableConcept(new Coding(PurposeOfUse.SYSTEM, code, null))));
		Provenance.ProvenanceAgentComponent agent = provenance.addAgent().setType(new CodeableConcept(new Coding(
				"http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author", "Author")));
		if (caller.isEmpty()) {
			agent.setWho(new Reference().setDisplay("Hulian server"));
			return provenance;
		}
		Caller who = caller.get();
		agent.setWho(who.fhirUser().isEmpty()
				? new Reference().setIdentifier(new Identifier().setSystem(AuditEvents.CLIENT_ID_SYSTEM).setValue(who.clientId()))
						.setDisplay(who.clientId())
				: new Reference(who.fhirUser()));
		if (who.actsForInstitution()) {
			agent.setOnBehalfOf(new Reference().setIdentifier(
					new Identifier().setSystem(AuditEvents.ORGANISATION_CODE_SYSTEM).setValue(who.institution())));
		}
		return provenance;
	}
}
