package cn.hulian.server.exchange.matching;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.interceptor.ServerInterceptorUtil;
import cn.hulian.server.config.FhirOperationProvider;
import cn.hulian.server.exchange.ResidentIdCheck;
import cn.hulian.server.i18n.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/$match} (FHIR R4): the stored Patients that may be the person the input Patient describes, best first,
 * as a searchset Bundle whose entries carry {@code search.mode = match}, {@code search.score} and the
 * {@code match-grade} extension. Parameters: {@code resource} (the Patient), {@code onlyCertainMatches} (only certain
 * ones), {@code count} (at most this many, default {@value #DEFAULT_COUNT}, at most {@value #MAX_COUNT}). Candidates
 * come from {@link MatchCandidates} and are scored by {@link PatientSimilarity}. What the caller may not see (a
 * patient's sharing directive) is left out, and what it sees is audited, as for a search.
 */
@Component
class PatientMatchOperation implements FhirOperationProvider {

	static final String MATCH_GRADE = "http://hl7.org/fhir/StructureDefinition/match-grade";
	static final int DEFAULT_COUNT = 10;
	static final int MAX_COUNT = 100;

	private final MatchCandidates candidates;
	private final PatientSimilarity similarity;
	private final ResidentIdCheck residentIds;
	private final IInterceptorService interceptors;

	PatientMatchOperation(MatchCandidates candidates, PatientSimilarity similarity, ResidentIdCheck residentIds,
			IInterceptorService interceptors) {
		this.candidates = candidates;
		this.similarity = similarity;
		this.residentIds = residentIds;
		this.interceptors = interceptors;
	}

	private record Match(Patient patient, PatientSimilarity.Similarity similarity) {}

	@Operation(name = "$match", typeName = "Patient", idempotent = false)
	public Bundle match(
			@OperationParam(name = "resource", min = 0, max = 1) IBaseResource resource,
			@OperationParam(name = "onlyCertainMatches", min = 0, max = 1) BooleanType onlyCertainMatches,
			@OperationParam(name = "count", min = 0, max = 1) IntegerType count,
			RequestDetails request) {
		Patient patient = checkedInput(resource, request);
		int limit = count == null || !count.hasValue() ? DEFAULT_COUNT : count.getValue();
		if (limit < 1) {
			throw new InvalidRequestException(message(request, "exchange.match.bad-count", count.getValue()));
		}
		boolean certainOnly = onlyCertainMatches != null && onlyCertainMatches.booleanValue();
		List<Match> ranked = candidates.of(patient).stream()
				.filter(candidate -> !isTheInputItself(patient, candidate))
				.flatMap(candidate -> similarity.compare(patient, candidate).stream().map(found -> new Match(candidate, found)))
				.filter(match -> !certainOnly || match.similarity().grade() == MatchGrade.CERTAIN)
				.sorted(Comparator.comparingDouble((Match match) -> match.similarity().score()).reversed()
						.thenComparing(match -> match.patient().getIdElement().getIdPart()))
				.toList();
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		for (Match match : shown(ranked, Math.min(limit, MAX_COUNT), request)) {
			Bundle.BundleEntryComponent entry = bundle.addEntry()
					.setFullUrl(request.getFhirServerBase() + "/Patient/" + match.patient().getIdElement().getIdPart())
					.setResource(match.patient());
			entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(BigDecimal.valueOf(match.similarity().score()))
					.addExtension(MATCH_GRADE, new CodeType(match.similarity().grade().code()));
		}
		return bundle.setTotal(bundle.getEntry().size());
	}

	/**
	 * The best {@code limit} matches the caller may see: each is shown to the interceptors (authorization, sharing
	 * directives, audit) as a search result would be, and left out if they withhold it.
	 */
	private List<Match> shown(List<Match> ranked, int limit, RequestDetails request) {
		List<Match> shown = new ArrayList<>();
		for (Match match : ranked) {
			if (shown.size() == limit) {
				break;
			}
			List<IBaseResource> visible = ServerInterceptorUtil.fireStoragePreshowResource(
					new ArrayList<>(List.of(match.patient())), request, interceptors);
			if (!visible.isEmpty()) {
				shown.add(new Match((Patient) visible.get(0), match.similarity()));
			}
		}
		return shown;
	}

	private Patient checkedInput(IBaseResource resource, RequestDetails request) {
		if (resource == null) {
			throw new InvalidRequestException(message(request, "exchange.match.no-resource"));
		}
		if (!(resource instanceof Patient patient)) {
			throw new InvalidRequestException(message(request, "exchange.match.not-a-patient", resource.fhirType()));
		}
		for (String number : ResidentIdCheck.numbers(patient)) {
			if (!residentIds.isValid(number)) {
				throw new UnprocessableEntityException(message(request, "exchange.match.invalid-resident-id", number));
			}
		}
		if (!patient.hasIdentifier() && !patient.hasName() && !patient.hasBirthDate() && !patient.hasTelecom()) {
			throw new InvalidRequestException(message(request, "exchange.match.nothing-to-match"));
		}
		return patient;
	}

	private static boolean isTheInputItself(Patient patient, Patient candidate) {
		return patient.getIdElement().hasIdPart()
				&& patient.getIdElement().getIdPart().equals(candidate.getIdElement().getIdPart());
	}

	private static String message(RequestDetails request, String key, Object... arguments) {
		return Messages.get(request.getHeader("Accept-Language"), key, arguments);
	}
}
