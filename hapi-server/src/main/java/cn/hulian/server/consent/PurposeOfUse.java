package cn.hulian.server.consent;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a request is made, as the client states it in the {@code X-Purpose-Of-Use} header: codes of HL7 v3 ActReason
 * (http://terminology.hl7.org/CodeSystem/v3-ActReason), e.g. {@code TREAT}. {@code ETREAT} (emergency treatment) or
 * {@code BTG} (break the glass) ask to override a patient's sharing directive.
 */
public final class PurposeOfUse {

	public static final String HEADER = "X-Purpose-Of-Use";
	public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
	private static final Set<String> BREAK_THE_GLASS = Set.of("ETREAT", "BTG");
	private static final String GLASS_BROKEN = "hulian.consent.glass-broken";

	private PurposeOfUse() {}

	public static Set<String> of(RequestDetails request) {
		String header = request.getHeader(HEADER);
		if (header == null || header.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(header.split("[,\\s]+"))
				.filter(code -> !code.isBlank())
				.map(code -> code.toUpperCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
	}

	public static boolean breaksTheGlass(RequestDetails request) {
		return of(request).stream().anyMatch(BREAK_THE_GLASS::contains);
	}

	/** Marks that {@code request} saw a record only because it broke the glass. */
	static void markGlassBroken(RequestDetails request) {
		request.getUserData().put(GLASS_BROKEN, Boolean.TRUE);
	}

	/** Whether {@code request} saw a record only because it broke the glass. */
	public static boolean glassWasBroken(RequestDetails request) {
		return Boolean.TRUE.equals(request.getUserData().get(GLASS_BROKEN));
	}
}
