package cn.hulian.it;

import static cn.hulian.it.OnlineCareRecords.create;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule can be switched off by configuration: on a second server over the same database with
 * {@code hulian.policy.rules.<id>.enabled=false} for each, the requests the shared server refuses are accepted.
 * (IH-RX-AUTHOR-007 is not replayed here: the e-prescription profile refuses a device as prescriber first.)
 */
class RulesSwitchedOffIT extends RuleTestSupport {

	private static final String ALL_RULES_OFF = """
			{"hulian": {"policy": {"rules": {
			  "IH-FOLLOWUP-001": {"enabled": false}, "IH-PHYSICIAN-002": {"enabled": false},
			  "IH-RX-CONTROLLED-003": {"enabled": false}, "IH-RX-REVIEW-004": {"enabled": false},
			  "IH-RX-VALIDITY-005": {"enabled": false}, "IH-CHILD-006": {"enabled": false},
			  "IH-RX-AUTHOR-007": {"enabled": false}, "IH-RETENTION-008": {"enabled": false},
			  "IH-CLAIM-009": {"enabled": false}}}}}""";

	private static ServerProcess rulesOff;
	private static IGenericClient rulesOffClient;

	@BeforeAll
	static void startAServerWithEveryRuleSwitchedOff() {
		rulesOff = SharedServer.get().startAnother("rules-off", Map.of("SPRING_APPLICATION_JSON", ALL_RULES_OFF));
		rulesOffClient = newClient(rulesOff.fhirBaseUrl());
	}

	@AfterAll
	static void stop() {
		rulesOff.stop();
	}

	@Test
	void anOnlineFollowUpOfADiagnosisMadeOnlineIsAccepted() {
		assertAccepted(followUpOfADiagnosisMadeOnline());
	}

	@Test
	void aJuniorPhysicianMayPractiseOnline() {
		assertAccepted(consultationByAJuniorPhysician());
	}

	@Test
	void aNarcoticMayBePrescribedOnline() {
		assertAccepted(prescriptionOfANarcotic());
	}

	@Test
	void aPrescriptionMayBecomeActiveWithoutReview() {
		assertAccepted(prescriptionInANewOnlineEncounter().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE));
	}

	@Test
	void aPrescriptionMayBeValidForAWeek() {
		assertAccepted(prescriptionValidForAWeek());
	}

	@Test
	void aYoungChildMayBeSeenAlone() {
		assertAccepted(consultationOfAYoungChildAlone());
	}

	@Test
	void aClinicalRecordMayBeExpunged() {
		String id = deletedObservation();

		HttpResponse<String> expunge = expunge(rulesOff.fhirBaseUrl(), id);

		assertThat(expunge.statusCode()).as(expunge.body()).isEqualTo(200);
	}

	@Test
	void aClaimForAnUnapprovedPrescriptionIsAccepted() throws IOException {
		String prescription = idOf(store(prescriptionInANewOnlineEncounter()));

		assertAccepted(claimFor(prescription, coverageInsuredIn("110000")));
	}

	private static void assertAccepted(Resource resource) {
		assertThat(rulesOffClient.create().resource(resource).execute().getCreated()).isTrue();
	}
}
