package cn.hulian.server.audit;

import ca.uhn.fhir.model.api.IQueryParameterAnd;
import ca.uhn.fhir.model.api.IQueryParameterOr;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceAndListParam;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
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
 * <p>A search for the events of a patient (or of any of several), an auditor's most common question, starts from those
 * patients' entries in {@code hulian_audit_event_patient} (alias {@code p}), in the order they were recorded: the
 * database then reads one page of events, not every event of the patients, nor every event since the first.
 */
final class AuditEventCriteria {

	private static final String PATIENTS_EVENTS =
			"SELECT DISTINCT arrival FROM hulian_audit_event_patient WHERE patient = ANY(?)";

	private final List<String> conditions = new ArrayList<>();
	private final List<Object> arguments = new ArrayList<>();
	/** The {@code _sort} asked for; null for the order recorded. */
	private String sortOrder;
	/** The patients of the first {@code patient} parameter, any of whom an event concerns; null without one. */
	private String[] patients;

	/**
	 * One patient's entries are read in the index's order, a page at a time; those of several are merged and sorted
	 * first.
	 */
	String from() {
		if (patients == null) {
			return "hulian_audit_event e";
		}
		return patients.length == 1
				? "hulian_audit_event_patient p JOIN hulian_audit_event e ON e.arrival = p.arrival AND p.patient = ?"
				: "(" + PATIENTS_EVENTS + ") p JOIN hulian_audit_event e ON e.arrival = p.arrival";
	}

	String where() {
		return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
	}

	/** How many events match, counted in the patient index alone when that is the only condition. */
	String countQuery() {
		if (patients == null || !conditions.isEmpty()) {
			return "SELECT count(*) FROM " + from() + " WHERE " + where();
		}
		return patients.length == 1
				? "SELECT count(*) FROM hulian_audit_event_patient p WHERE p.patient = ?"
				: "SELECT count(*) FROM (" + PATIENTS_EVENTS + ") p";
	}

	/** The values of the query's parameters, in order: those of {@link #from()}, then those of {@link #where()}. */
	List<Object> arguments() {
		if (patients == null) {
			return arguments;
		}
		List<Object> all = new ArrayList<>(arguments.size() + 1);
		all.add(patients.length == 1 ? patients[0] : patients);
		all.addAll(arguments);
		return all;
	}

	String orderBy() {
		if (sortOrder != null) {
			return sortOrder;
		}
		return patients == null ? "e.arrival" : "p.arrival";
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

	/** The first {@code patient} parameter chooses the events read ({@link #from()}); any further one narrows them. */
	AuditEventCriteria patients(ReferenceAndListParam parameters) {
		if (parameters == null) {
			return this;
		}
		for (ReferenceOrListParam alternatives : parameters.getValuesAsQueryTokens()) {
			String[] references = alternatives.getValuesAsQueryTokens().stream()
					.map(reference -> "Patient/" + reference.getIdPart())
					.toArray(String[]::new);
			if (patients == null) {
				patients = references;
			} else {
				conditions.add("e.arrival IN (SELECT arrival FROM hulian_audit_event_patient WHERE patient = ANY(?))");
				arguments.add(references);
			}
		}
		return this;
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
