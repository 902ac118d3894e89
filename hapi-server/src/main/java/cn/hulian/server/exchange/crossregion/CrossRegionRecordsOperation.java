package cn.hulian.server.exchange.crossregion;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import cn.hulian.server.config.FhirOperationProvider;
import cn.hulian.server.consent.PurposeOfUse;
import cn.hulian.server.exchange.ResidentIdCheck;
import cn.hulian.server.i18n.Messages;
import cn.hulian.server.security.Caller;
import cn.hulian.server.security.Callers;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/[id]/$cross-region-records}, the asking side of cross-region exchange: the records that the peer
 * regions hold about this patient, found there by the patient's resident ID number. Peers are asked in parallel
 * ({@code region} narrows them), each within {@code hulian.cross-region.peer-timeout}; a peer that does not answer
 * leaves a warning in the Bundle instead of failing the whole answer. Records are relayed, not stored: each stays
 * with the region that holds it, which decides what to show under its patients' sharing directives and audits it.
 */
@Component
class CrossRegionRecordsOperation implements FhirOperationProvider {

	private static final Logger log = LoggerFactory.getLogger(CrossRegionRecordsOperation.class);

	private final DaoRegistry daoRegistry;
	private final ResidentIdCheck residentIds;
	private final PeerRecords peerRecords;
	private final CrossRegionProperties properties;
	private final ExecutorService askers;

	CrossRegionRecordsOperation(DaoRegistry daoRegistry, ResidentIdCheck residentIds, PeerRecords peerRecords,
			CrossRegionProperties properties) {
		this.daoRegistry = daoRegistry;
		this.residentIds = residentIds;
		this.peerRecords = peerRecords;
		this.properties = properties;
		this.askers = Executors.newFixedThreadPool(Math.max(1, Math.min(properties.peers().size(), 32)));
	}

	@PreDestroy
	void stop() {
		askers.shutdownNow();
	}

	@Operation(name = "$cross-region-records", type = Patient.class, idempotent = true)
	public Bundle crossRegionRecords(
			@IdParam IdType patientId,
			@OperationParam(name = "region") List<StringType> regions,
			RequestDetails request) {
		String language = request.getHeader("Accept-Language");
		if (!properties.enabled() || properties.peers().isEmpty()) {
			throw new NotImplementedOperationException(Messages.get(language, "cross-region.no-peers"));
		}
		List<CrossRegionProperties.Peer> peers = peersAsked(regions, language);
		// Read as the caller: a patient the caller may not see is refused here, before any peer is asked.
		Patient patient = (Patient) daoRegistry.getResourceDao(Patient.class).read(patientId.toVersionless(), request);
		String residentId = residentIds.validNumbers(patient).stream().sorted().findFirst().orElseThrow(() -> new UnprocessableEntityException(
				Messages.get(language, "cross-region.no-resident-id", patientId.toUnqualifiedVersionless().getValue())));
		PeerRecords.Requester requester = requester(request);

		List<CompletableFuture<PeerAnswer>> answers = peers.stream()
				.map(peer -> CompletableFuture.supplyAsync(() -> ask(peer, residentId, requester), askers)
						// The HTTP timeouts bound each step; this bounds a peer whose token and records both crawl.
						.completeOnTimeout(PeerAnswer.failed(peer, "no answer within " + properties.peerTimeout().multipliedBy(2)),
								properties.peerTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS))
				.toList();
		Bundle relayed = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		for (CompletableFuture<PeerAnswer> pending : answers) {
			PeerAnswer answer = pending.join();
			if (answer.records() == null) {
				relayed.addEntry(CrossRegionOutcomes.warning(Messages.get(language, "cross-region.peer-failed",
						answer.peer().name(), answer.peer().region(), answer.failure())));
			} else {
				answer.records().getEntry().forEach(relayed::addEntry);
			}
		}
		relayed.setTotal((int) relayed.getEntry().stream()
				.filter(entry -> entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH).count());
		RelayedRecords.mark(request, relayed.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList());
		return relayed;
	}

	/** The peers named by {@code region} parameters, or all of them. */
	private List<CrossRegionProperties.Peer> peersAsked(List<StringType> regions, String language) {
		if (regions == null || regions.isEmpty()) {
			return properties.peers();
		}
		List<String> known = properties.peers().stream().map(CrossRegionProperties.Peer::region).toList();
		for (StringType region : regions) {
			if (!known.contains(region.getValue())) {
				throw new InvalidRequestException(Messages.get(language, "cross-region.unknown-region", region.getValue(),
						String.join(", ", known)));
			}
		}
		List<String> asked = regions.stream().map(StringType::getValue).toList();
		return properties.peers().stream().filter(peer -> asked.contains(peer.region())).toList();
	}

	/** The caller as the peer is told: its institution (or client, for one acting for none) and its user. */
	private static PeerRecords.Requester requester(RequestDetails request) {
		Caller caller = Callers.current().orElseThrow();
		String institution = caller.actsForInstitution() ? caller.institution() : "client:" + caller.clientId();
		String user = caller.fhirUser().isEmpty() ? "client:" + caller.clientId() : caller.fhirUser();
		return new PeerRecords.Requester(institution, user, PurposeOfUse.of(request), request.getHeader("Accept-Language"));
	}

	private PeerAnswer ask(CrossRegionProperties.Peer peer, String residentId, PeerRecords.Requester requester) {
		try {
			return new PeerAnswer(peer, peerRecords.fetch(peer, residentId, requester), null);
		} catch (IOException e) {
			log.warn("Peer region {} ({}) could not be asked for a patient's records: {}", peer.region(),
					peer.fhirBaseUrl(), e.toString());
			return PeerAnswer.failed(peer, e.getMessage() == null ? e.toString() : e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return PeerAnswer.failed(peer, "interrupted");
		}
	}

	/** One peer's records, or why there are none ({@code records} null). */
	private record PeerAnswer(CrossRegionProperties.Peer peer, Bundle records, String failure) {

		static PeerAnswer failed(CrossRegionProperties.Peer peer, String failure) {
			return new PeerAnswer(peer, null, failure);
		}
	}
}
