package cn.hulian.server.audit;

import cn.hulian.server.consent.PurposeOfUse;
import cn.hulian.server.records.SourceInstitution;
import cn.hulian.server.security.Caller;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds the Provenance of creates or updates: the exact versions written, when, the activity, who wrote them (the
 * user, else the client application), the institution it acted for and the institution the records come from.
 */
final class Provenances {

	/** Records written alike, which one Provenance describes together. */
	record Group(String activity, Optional<Caller> caller, Set<String> purposeOfUse, Optional<String> sourceInstitution,
			Set<String> patients) {}

	private Provenances() {}

	static Provenance of(Group group, List<String> versionedTargets, Instant recorded) {
		Provenance provenance = of(group.activity(), group.caller(), group.purposeOfUse(), recorded);
		versionedTargets.forEach(target -> provenance.addTarget(new Reference(target)));
		// Who wrote a record tells as much as the record: the same sharing directives must withhold both.
		group.sourceInstitution().ifPresent(source -> SourceInstitution.set(provenance, source));
		return provenance;
	}

	private static Provenance of(String activity, Optional<Caller> caller, Set<String> purposeOfUse, Instant recorded) {
		Provenance provenance = new Provenance();
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
