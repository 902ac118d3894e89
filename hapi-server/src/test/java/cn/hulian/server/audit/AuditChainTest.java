package cn.hulian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.junit.jupiter.api.Test;

class AuditChainTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private final AuditChain chain = new AuditChain(FHIR);

	@Test
	void aStoredEventChecksOutAgainstItsLinkWhateverTheServerAddsToIdAndMeta() {
		AuditEvent first = event("read");
		String firstHash = chain.link(first, 1, AuditChain.START);
		AuditEvent second = event("update");
		String secondHash = chain.link(second, 2, firstHash);

		AuditEvent stored = roundTrip(second);
		stored.setId("AuditEvent/abc/_history/1");
		stored.setMeta(new Meta().setVersionId("1").setLastUpdated(new Date()));
		assertThat(chain.check(stored, 2, firstHash, secondHash)).isEmpty();
	}

	@Test
	void aChangedRemovedOrReorderedEventBreaksTheChain() {
		AuditEvent event = event("read");
		String hash = chain.link(event, 1, AuditChain.START);

		AuditEvent changed = roundTrip(event);
		changed.setOutcome(AuditEvent.AuditEventOutcome._4);
		assertThat(chain.check(changed, 1, AuditChain.START, hash)).hasValueSatisfying(
				problem -> assertThat(problem).contains("changed"));
		assertThat(chain.check(roundTrip(event), 2, AuditChain.START, hash)).hasValueSatisfying(
				problem -> assertThat(problem).contains("sequence"));
		assertThat(chain.check(roundTrip(event), 1, "f".repeat(64), hash)).hasValueSatisfying(
				problem -> assertThat(problem).contains("does not follow"));
		assertThat(chain.check(event("read"), 1, AuditChain.START, hash)).hasValueSatisfying(
				problem -> assertThat(problem).contains("no chain link"));
	}

	private static AuditEvent event(String interaction) {
		AuditEvent event = new AuditEvent();
		event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", interaction, null));
		event.setRecorded(new Date(1_700_000_000_000L));
		event.setOutcome(AuditEvent.AuditEventOutcome._0);
		event.addEntity().getWhat().setReference("Patient/1");
		return event;
	}

	private static AuditEvent roundTrip(AuditEvent event) {
		return FHIR.newJsonParser().parseResource(AuditEvent.class, FHIR.newJsonParser().encodeResourceToString(event));
	}
}
