package cn.hulian.server.exchange.crossregion;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import cn.hulian.server.consent.PurposeOfUse;
import cn.hulian.server.exchange.ResidentIdCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** Asks one peer region for a patient's records ({@code Patient/$region-records}) with a token the peer accepts. */
@Component
class PeerRecords {

	/** {@code Type/id}, optionally with {@code /_history/version}: not absolute, contained ({@code #}) or urn. */
	private static final Pattern RELATIVE_REFERENCE =
			Pattern.compile("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}(/_history/[A-Za-z0-9\\-.]{1,64})?");

	private final HttpClient http;
	private final PeerTokens tokens;
	private final FhirContext fhirContext;
	private final CrossRegionProperties properties;

	PeerRecords(PeerHttpClient http, PeerTokens tokens, FhirContext fhirContext, CrossRegionProperties properties) {
		this.http = http.client();
		this.tokens = tokens;
		this.fhirContext = fhirContext;
		this.properties = properties;
	}

	/** Who asks, sent to the peer for its audit trail and its consent decisions. */
	record Requester(String institution, String user, Set<String> purposeOfUse, String language) {}

	/** The peer's answer; fails with {@link IOException} when the peer cannot be asked or refuses. */
	Bundle fetch(CrossRegionProperties.Peer peer, String residentId, Requester requester)
			throws IOException, InterruptedException {
		HttpResponse<String> response = send(peer, residentId, requester);
		if (response.statusCode() == 401) {
			// The peer no longer takes the token we kept (its keys rotated, or it restarted): one more try with a new one.
			tokens.forget(peer);
			response = send(peer, residentId, requester);
		}
		if (response.statusCode() != 200) {
			throw new IOException("HTTP " + response.statusCode() + diagnostics(response.body()));
		}
		Bundle records;
		try {
			records = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		} catch (DataFormatException | ClassCastException e) {
			throw new IOException("the answer is not a FHIR Bundle: " + e.getMessage(), e);
		}
		records.getEntry().forEach(entry -> makeReferencesAbsolute(entry.getResource(), peer.fhirBaseUrl().toString()));
		return records;
	}

	/**
	 * The peer writes references to its own records relative to its base ({@code Patient/7}); relayed from here, they
	 * would name this server's Patient/7. Made absolute, they keep naming the peer's.
	 */
	private void makeReferencesAbsolute(Resource resource, String peerBase) {
		if (resource == null) {
			return;
		}
		for (Reference reference : fhirContext.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
			String target = reference.getReference();
			if (target != null && RELATIVE_REFERENCE.matcher(target).matches()) {
				reference.setReference(peerBase + "/" + target);
			}
		}
	}

	private HttpResponse<String> send(CrossRegionProperties.Peer peer, String residentId, Requester requester)
			throws IOException, InterruptedException {
		Duration timeout = properties.peerTimeout();
		String query = "identifier=" + encode(ResidentIdCheck.SYSTEM + "|" + residentId)
				+ "&requesting-region=" + encode(properties.region())
				+ "&requester-institution=" + encode(requester.institution())
				+ "&requester=" + encode(requester.user());
		HttpRequest.Builder request = HttpRequest.newBuilder(
						URI.create(peer.fhirBaseUrl() + "/Patient/" + RegionRecordsOperation.NAME + "?" + query))
				.timeout(timeout)
				.header("Authorization", "Bearer " + tokens.tokenFor(peer, timeout))
				.header("Accept", "application/fhir+json")
				.GET();
		if (!requester.purposeOfUse().isEmpty()) {
			request.header(PurposeOfUse.HEADER, String.join(",", requester.purposeOfUse()));
		}
		if (requester.language() != null) {
			request.header("Accept-Language", requester.language());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The peer's own explanation of a refusal, when it sent an OperationOutcome. */
	private String diagnostics(String body) {
		try {
			OperationOutcome outcome = fhirContext.newJsonParser().parseResource(OperationOutcome.class, body);
			return outcome.getIssue().isEmpty() ? "" : ": " + outcome.getIssueFirstRep().getDiagnostics();
		} catch (DataFormatException | ClassCastException e) {
			return "";
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
