package cn.hulian.server.exchange.crossregion;

import cn.hulian.server.records.SourceInstitution;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Provenance a region sends with each record it gives a peer: which institution wrote it (author), which region
 * holds it (custodian) and where the original is (entity), so that the record's origin stays known wherever it is
 * shown. Made when the record is sent, not stored: the stored record's own Provenance stays with the holder.
 */
final class ExchangeProvenance {

	static final String ORGANISATION_CODE_SYSTEM = "urn:oid:2.16.156.10011.1.5";
	static final String REGION_SYSTEM = "http://hulian.cn/fhir/CodeSystem/gbt-2260-division";
	private static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

	private ExchangeProvenance() {}

	/** The Provenance of {@code record}, held by {@code region} at {@code fhirBase}, as a Bundle entry. */
	static Bundle.BundleEntryComponent entryFor(Resource record, String fhirBase, String region) {
		String original = fhirBase + "/" + record.getIdElement().toUnqualified().getValue();
		Provenance provenance = new Provenance();
		provenance.addTarget(new Reference(original));
		provenance.setRecorded(record.getMeta().getLastUpdated());
		SourceInstitution.of(record).ifPresent(institution -> provenance.addAgent()
				.setType(participant("author", "Author"))
				.setWho(new Reference().setIdentifier(new Identifier().setSystem(ORGANISATION_CODE_SYSTEM).setValue(institution))));
		provenance.addAgent()
				.setType(participant("custodian", "Custodian"))
				.setWho(new Reference().setIdentifier(new Identifier().setSystem(REGION_SYSTEM).setValue(region))
						.setDisplay("Hulian " + region));
		provenance.addEntity()
				.setRole(Provenance.ProvenanceEntityRole.SOURCE)
				.setWhat(new Reference(original));
		Bundle.BundleEntryComponent entry = new Bundle.BundleEntryComponent()
				.setFullUrl("urn:uuid:" + UUID.randomUUID())
				.setResource(provenance);
		entry.getSearch().setMode(Bundle.SearchEntryMode.INCLUDE);
		return entry;
	}

	private static CodeableConcept participant(String code, String display) {
		return new CodeableConcept(new Coding(PARTICIPANT_TYPE, code, display));
	}
}
