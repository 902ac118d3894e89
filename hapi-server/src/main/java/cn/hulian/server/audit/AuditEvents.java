package cn.hulian.server.audit;

import cn.hulian.server.consent.PurposeOfUse;
import cn.hulian.server.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds the AuditEvent of an {@link Interaction}, in the shape of IHE Basic Audit Log Patterns (BALP): a RESTful
 * interaction with its client, user and institution as agents, this server as the source, and the patients, records
 * and query as entities.
 */
final class AuditEvents {

	static final String CLIENT_ID_SYSTEM = "http://hulian.cn/fhir/sid/client-id";
	static final String ORGANISATION_CODE_SYSTEM = "urn:oid:2.16.156.10011.1.5";
	private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
	private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
	private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";

	private AuditEvents() {}

	static AuditEvent of(Interaction interaction) {
		AuditEvent event = new AuditEvent();
		event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", interaction.subtype(), null));
		if (!interaction.operation().isEmpty()) {
			event.addSubtype(new Coding("http://hulian.cn/fhir/CodeSystem/operation", interaction.operation(), null));
		}
		event.setAction(AuditEvent.AuditEventAction.fromCode(interaction.action()));
		event.setRecorded(Date.from(interaction.recorded()));
		event.setOutcome(AuditEvent.AuditEventOutcome.fromCode(Integer.toString(interaction.outcome())));
		if (!interaction.outcomeText().isEmpty()) {
			event.setOutcomeDesc(interaction.outcomeText());
		}
		interaction.purposeOfUse().forEach(code -> event.addPurposeOfEvent(new CodeableConcept(
				new Coding(PurposeOfUse.SYSTEM, code, null))));
		if (interaction.glassBroken()) {
			event.addPurposeOfEvent(new CodeableConcept(new Coding(PurposeOfUse.SYSTEM, "BTG", "break the glass")));
		}
		addAgents(event, interaction);
		event.getSource()
				.setSite("Hulian")
				.setObserver(new Reference().setDisplay("Hulian FHIR server"))
				.addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));
		interaction.patients().forEach(patient -> event.addEntity()
				.setWhat(new Reference(patient))
				.setType(new Coding(ENTITY_TYPE, "1", "Person"))
				.setRole(new Coding(OBJECT_ROLE, "1", "Patient")));
		interaction.records().forEach(record -> event.addEntity()
				.setWhat(new Reference(record))
				.setType(new Coding(ENTITY_TYPE, "2", "System Object"))
				.setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource")));
		if (!interaction.query().isEmpty()) {
			event.addEntity()
					.setType(new Coding(ENTITY_TYPE, "2", "System Object"))
					.setRole(new Coding(OBJECT_ROLE, "24", "Query"))
					.setDescription(interaction.query())
					.setQuery(interaction.query().getBytes(StandardCharsets.UTF_8));
		}
		return event;
	}

	private static void addAgents(AuditEvent event, Interaction interaction) {
		if (interaction.caller().isEmpty()) {
			event.addAgent()
					.setType(new CodeableConcept(new Coding(DICOM, "110150", "Application")))
					.setName("unauthenticated")
					.setRequestor(true)
					.setNetwork(network(interaction.remoteAddress()));
			return;
		}
		Caller caller = interaction.caller().get();
		AuditEvent.AuditEventAgentComponent client = event.addAgent()
				.setType(new CodeableConcept(new Coding(DICOM, "110150", "Application")))
				.setWho(new Reference().setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(caller.clientId())))
				.setAltId(caller.clientId())
				.setName(caller.clientId())
				.setRequestor(true)
				.setNetwork(network(interaction.remoteAddress()));
		client.addRole(new CodeableConcept(new Coding("http://hulian.cn/fhir/CodeSystem/caller-role",
				caller.role().claimValue(), null)));
		if (!caller.fhirUser().isEmpty()) {
			event.addAgent()
					.setType(new CodeableConcept(new Coding(
							"http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user")))
					.setWho(new Reference(caller.fhirUser()))
					.setAltId(caller.subject())
					.setRequestor(true);
		}
		if (caller.actsForInstitution()) {
			event.addAgent()
					.setType(new CodeableConcept(new Coding(
							"http://terminology.hl7.org/CodeSystem/v3-RoleClass", "PROV", "healthcare provider")))
					.setWho(new Reference().setIdentifier(
							new Identifier().setSystem(ORGANISATION_CODE_SYSTEM).setValue(caller.institution())))
					.setAltId(caller.institution())
					.setRequestor(false);
		}
	}

	private static AuditEvent.AuditEventAgentNetworkComponent network(String address) {
		return new AuditEvent.AuditEventAgentNetworkComponent()
				.setAddress(address)
				.setType(AuditEvent.AuditEventAgentNetworkType._2);
	}
}
