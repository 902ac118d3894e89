package cn.hulian.server.audit;

import ca.uhn.fhir.model.api.IQueryParameterAnd;
import ca.uhn.fhir.model.api.IQueryParameterOr;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.StringAndListParam;
import ca.uhn.fhir.rest.param.TokenAndListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.hulian.server.i18n.Messages;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An AuditEvent search as SQL over {@code hulian_audit_event} (alias {@code e}): each search parameter adds a condition
 * (repeated parameters all apply; comma-separated values are alternatives), and {@code _sort} orders by date. Without
 * a sort, events come in the order they were recorded.
 *
 * <p>A search for one patient's events, an auditor's most common question, starts from that patient's entries in
 * {@code hulian_audit_event_patient}, in the order they were recorded: the database then reads one page of them, not
 * every event of the patient (nor, as it chose through the array index, every event since the first).
 */
final class AuditEventCriteria {

	private final List<String> conditions = new ArrayList<>();
	private final List<Object> arguments = new ArrayList<>();
	/** The {@code _sort} asked for; null for the order recorded. */
	private String sortOrder;
	private String patient;

	String from() {
		return patient == null
				? "hulian_audit_event e"
				: "hulian_audit_event_patient p JOIN hulian_audit_event e ON e.arrival = p.arrival";
	}

	String where() {
		return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
	}

	/** How many events match, counted in the patient index alone when that is the only condition. */
	String countQuery() {
		return patient != null && conditions.size() == 1
				? "SELECT count(*) FROM hulian_audit_event_patient p WHERE " + where()
				: "SELECT count(*) FROM " + from() + " WHERE " + where();
	}

	List<Object> arguments() {
		return arguments;
	}

	String orderBy() {
		if (sortOrder != null) {
			return sortOrder;
		}
		return patient == null ? "e.arrival" : "p.arrival";
	}

	AuditEventCriteria ids(TokenAndListParam ids) {
		return anyOf(ids, "e.id = ANY(?)", TokenParam::getValue);
	}

	AuditEventCriteria actions(TokenAndListParam actions) {
		return anyOf(actions, "action = ANY(?)", TokenParam::getValue);
	}

	AuditEventCriteria outcomes(TokenAndListParam outcomes) {
		return anyOf(outcomes, "outcome = ANY(?)", TokenParam::getValue);
	}

	/** {@code type} and {@code subtype}: the event's type and subtypes are kept together. */
	AuditEventCriteria types(TokenAndListParam types) {
		return anyOf(types, "types && ?::text[]", token -> AuditEventColumns.token(token.getSystem(), token.getValue()));
	}

	AuditEventCriteria altIds(TokenAndListParam altIds) {
		return anyOf(altIds, "agents && ?::text[]", token -> AuditEventColumns.agentAltId(token.getValue()));
	}

	AuditEventCriteria agents(ReferenceAndListParam agents) {
		return anyOf(agents, "agents && ?::text[]", reference -> AuditEventColumns.agentReference(reference.getValue()));
	}

	AuditEventCriteria patients(ReferenceAndListParam patients) {
		if (patients != null && patients.size() == 1 && patients.getValuesAsQueryTokens().get(0).size() == 1) {
			patient = "Patient/" + patients.getValuesAsQueryTokens().get(0).getValuesAsQueryTokens().get(0).getIdPart();
			conditions.add("p.patient = ?");
			arguments.add(patient);
			return this;
		}
		return anyOf(patients, "patients && ?::text[]", reference -> "Patient/" + reference.getIdPart());
	}

	AuditEventCriteria entities(ReferenceAndListParam entities) {
		return anyOf(entities, "entities && ?::text[]", reference -> AuditEventColumns.versionless(reference.getValue()));
	}

	/** {@code agent-name}: starts with, ignoring case; {@code :exact} matches the whole name. */
	AuditEventCriteria agentNames(StringAndListParam names) {
		return anyOf(names, "EXISTS (SELECT 1 FROM unnest(agent_names) name WHERE name LIKE ANY(?))", name -> {
			String value = name.getValue().toLowerCase(Locale.ROOT);
			return name.isExact() ? value : value.replace("%", "\\%").replace("_", "\\_") + "%";
		});
	}

	AuditEventCriteria recorded(DateRangeParam dates) {
		if (dates == null) {
			return this;
		}
		if (dates.getLowerBoundAsInstant() != null) {
			conditions.add("recorded >= ?");
			arguments.add(new Timestamp(dates.getLowerBoundAsInstant().getTime()));
		}
		if (dates.getUpperBoundAsInstant() != null) {
			conditions.add("recorded <= ?");
			arguments.add(new Timestamp(dates.getUpperBoundAsInstant().getTime()));
		}
		return this;
	}

	/** {@code acceptLanguage} chooses the language of the refusal of any other sort. */
	AuditEventCriteria sortedBy(SortSpec sort, String acceptLanguage) {
		if (sort == null) {
			return this;
		}
		if (!"date".equals(sort.getParamName()) || sort.getChain() != null) {
			throw new InvalidRequestException(Messages.get(acceptLanguage, "audit.sort-by-date", sort.getParamName()));
		}
		sortOrder = sort.getOrder() == SortOrderEnum.DESC ? "e.recorded DESC, e.arrival DESC" : "e.recorded, e.arrival";
		return this;
	}

	/** One condition per repetition of a parameter, given the values of its comma-separated alternatives. */
	private <P extends IQueryParameterType, O extends IQueryParameterOr<P>> AuditEventCriteria anyOf(
			IQueryParameterAnd<O> all, String condition, Function<P, String> value) {
		if (all != null) {
			for (O alternatives : all.getValuesAsQueryTokens()) {
				conditions.add(condition);
				arguments.add(alternatives.getValuesAsQueryTokens().stream().map(value).toArray(String[]::new));
			}
		}
		return this;
	}
}
