package cn.hulian.server.onlinecare;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Answers whether a referenced encounter is online (class {@code VR}), directly or through the prescription that
 * was issued in it. Stored encounters and prescriptions are read once and remembered for a while, because a
 * prescription's review, dispense and claim all ask about the same encounter; a write of one of them on this server
 * forgets what was remembered about it.
 */
public class OnlineEncounters {

	static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

	private final StoredRecords records;
	private final Cache<String, Boolean> encounterIsOnline;
	private final Cache<String, Reference> prescriptionEncounter;

	public OnlineEncounters(StoredRecords records, Duration cacheTtl) {
		this.records = records;
		this.encounterIsOnline = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
		this.prescriptionEncounter = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
	}

	/** An online encounter: class {@code VR} (virtual) of the v3 ActCode system. */
	public static boolean isOnline(Encounter encounter) {
		return ACT_CODE.equals(encounter.getClass_().getSystem()) && "VR".equals(encounter.getClass_().getCode());
	}

	/** Whether {@code reference} points to an online encounter in {@code transaction} or stored. */
	public boolean isOnlineEncounter(Reference reference, TransactionEntries transaction) {
		Optional<Resource> entry = transaction.find(reference);
		if (entry.isPresent()) {
			return entry.get() instanceof Encounter encounter && isOnline(encounter);
		}
		return idOf(reference, "Encounter")
				// A record not stored yet maps to null, which the cache does not keep: it may arrive any moment.
				.map(id -> encounterIsOnline.get(id, key -> records.resolve(new Reference(key), Encounter.class)
						.map(OnlineEncounters::isOnline)
						.orElse(null)))
				.orElse(false);
	}

	/** Whether {@code reference} points to a prescription, in {@code transaction} or stored, issued online. */
	public boolean isOnlinePrescription(Reference reference, TransactionEntries transaction) {
		Optional<Resource> entry = transaction.find(reference);
		if (entry.isPresent()) {
			return entry.get() instanceof MedicationRequest prescription
					&& isOnlineEncounter(prescription.getEncounter(), transaction);
		}
		return idOf(reference, "MedicationRequest")
				.map(id -> prescriptionEncounter.get(id, key -> records.resolve(new Reference(key), MedicationRequest.class)
						.map(MedicationRequest::getEncounter)
						.orElse(null)))
				.map(encounter -> isOnlineEncounter(encounter, transaction))
				.orElse(false);
	}

	/** Forgets what was remembered about {@code resource}, which is being written. */
	public void forget(IBaseResource resource) {
		String id = resource.getIdElement().toUnqualifiedVersionless().getValue();
		if (id != null) {
			encounterIsOnline.invalidate(id);
			prescriptionEncounter.invalidate(id);
		}
	}

	private static Optional<String> idOf(Reference reference, String type) {
		IIdType id = reference.getReferenceElement();
		return reference.hasReference() && type.equals(id.getResourceType()) && id.hasIdPart()
				? Optional.of(id.toUnqualifiedVersionless().getValue())
				: Optional.empty();
	}
}
