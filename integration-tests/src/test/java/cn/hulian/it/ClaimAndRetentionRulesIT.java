package cn.hulian.it;

import static cn.hulian.it.OnlineCareRecords.BASE;
import static cn.hulian.it.OnlineCareRecords.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

/** The claims rule (IH-CLAIM-009) and the retention rule (IH-RETENTION-008) over HTTP. */
class ClaimAndRetentionRulesIT extends RuleTestSupport {

	@Test
	void aClaimForAPrescriptionNotYetApprovedIsRefusedThenSettledOffSite() throws IOException {
		String prescription = idOf(store(prescriptionInANewOnlineEncounter()));
		Claim claim = claimFor(prescription, coverageInsuredIn("110000"));

		assertRefused(claim, "IH-CLAIM-009", "Claim.prescription");

		create(client, records.review(prescription, "approved"));
		String id = client.create().resource(claim).execute().getId().getIdPart();
		Claim stored = client.read().resource(Claim.class).withId(id).execute();
		assertThat(stored.getMeta().getTag()).extracting(Coding::getSystem, Coding::getCode)
				.contains(tuple(BASE + "CodeSystem/settlement-scope", "off-site"));
		assertThat(client.search().byUrl("Claim?_id=" + id + "&_tag=" + BASE + "CodeSystem/settlement-scope|off-site")
				.returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
	}

	@Test
	void aClaimWhoseInsuredRegionIsNotTheCoveragesIsRefused() throws IOException {
		String prescription = idOf(store(prescriptionInANewOnlineEncounter()));
		create(client, records.review(prescription, "approved"));

		assertRefused(claimFor(prescription, coverageInsuredIn("310000")), "IH-CLAIM-009", "cn-insured-region");
	}

	@Test
	void aClinicalRecordIsNotHardDeletedInsideItsRetentionPeriod() {
		String id = deletedObservation();

		HttpResponse<String> expunge = expunge(server.fhirBaseUrl(), id);

		assertThat(expunge.statusCode()).as(expunge.body()).isEqualTo(422);
		assertThat(expunge.body()).contains("IH-RETENTION-008");
		assertThat(client.history().onInstance(id).returnBundle(Bundle.class).execute().getEntry()).hasSize(2);
	}

	@Test
	void aRecordOutsideAnyPatientsCompartmentMayBeExpunged() {
		String id = create(client, new Questionnaire().setStatus(Enumerations.PublicationStatus.DRAFT));
		client.delete().resourceById(new IdType(id)).execute();

		HttpResponse<String> expunge = expunge(server.fhirBaseUrl(), id);

		assertThat(expunge.statusCode()).as(expunge.body()).isEqualTo(200);
	}
}
