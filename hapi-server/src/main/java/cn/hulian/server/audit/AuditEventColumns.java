package cn.hulian.server.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The searchable values of an AuditEvent, as stored in the columns of {@code hulian_audit_event}. Token values are
 * kept both as {@code system|code} and as a bare {@code code}, so that a search with or without a system is one array
 * overlap; agent values carry a prefix saying what they are ({@code ref:}, {@code id:}, {@code altid:}).
 */
record AuditEventColumns(
		String action, String outcome, List<String> types, List<String> agents, List<String> agentNames,
		List<String> patients, List<String> entities) {

	static AuditEventColumns of(AuditEvent event) {
		Set<String> types = new LinkedHashSet<>();
		addToken(types, event.getType());
		event.getSubtype().forEach(subtype -> addToken(types, subtype));
		Set<String> agents = new LinkedHashSet<>();
		Set<String> agentNames = new LinkedHashSet<>();
		Set<String> patients = new LinkedHashSet<>();
		for (AuditEvent.AuditEventAgentComponent agent : event.getAgent()) {
			Reference who = agent.getWho();
			if (who.hasReference()) {
				agents.add(agentReference(who.getReference()));
				addIfPatient(patients, who.getReference());
			}
			if (who.hasIdentifier()) {
				Identifier identifier = who.getIdentifier();
				agents.add("id:" + identifier.getValue());
				agents.add("id:" + identifier.getSystem() + "|" + identifier.getValue());
			}
			if (agent.hasAltId()) {
				agents.add(agentAltId(agent.getAltId()));
			}
			if (agent.hasName()) {
				agentNames.add(agent.getName().toLowerCase(Locale.ROOT));
			}
		}
		Set<String> entities = new LinkedHashSet<>();
		for (AuditEvent.AuditEventEntityComponent entity : event.getEntity()) {
			if (entity.getWhat().hasReference()) {
				String what = versionless(entity.getWhat().getReference());
				entities.add(what);
				addIfPatient(patients, what);
			}
		}
		return new AuditEventColumns(event.getAction().toCode(), event.getOutcome().toCode(), List.copyOf(types),
				List.copyOf(agents), List.copyOf(agentNames), List.copyOf(patients), List.copyOf(entities));
	}

	/** How a searched token is matched: {@code system|code}, or the bare code when no system is given. */
	static String token(String system, String code) {
		return system == null || system.isEmpty() ? code : system + "|" + code;
	}

	static String agentReference(String reference) {
		return "ref:" + versionless(reference);
	}

	static String agentAltId(String altId) {
		return "altid:" + altId;
	}

	static String versionless(String reference) {
		int history = reference.indexOf("/_history/");
		return history < 0 ? reference : reference.substring(0, history);
	}

	private static void addToken(Set<String> tokens, Coding coding) {
		if (coding.hasCode()) {
			tokens.add(coding.getCode());
			if (coding.hasSystem()) {
				tokens.add(coding.getSystem() + "|" + coding.getCode());
			}
		}
	}

	private static void addIfPatient(Set<String> patients, String reference) {
		if (reference.startsWith("Patient/")) {
			patients.add(reference);
		}
	}
}
