package cn.hulian.server.consent;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import cn.hulian.server.config.FhirServerInterceptor;
import cn.hulian.server.records.PatientCompartment;
import cn.hulian.server.records.SourceInstitution;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.springframework.stereotype.Component;

/**
 * Each patient's sharing directive, read from their active Consents: the newest active Consent whose base provision
 * is {@code deny} denies sharing with other institutions; its nested {@code permit} provisions name institutions that
 * are still allowed (actor references by organisation identifier, urn:oid:2.16.156.10011.1.5). Directives are cached
 * briefly and dropped at once when a Consent of the patient is written here; another node sees a change within
 * {@link #CACHE_TIME}.
 */
@Component
public class SharingDirectives implements FhirServerInterceptor {

	static final Duration CACHE_TIME = Duration.ofSeconds(30);
	private static final String ORGANISATION_CODE = "urn:oid:2.16.156.10011.1.5";

	private final DaoRegistry daoRegistry;
	private final PatientCompartment compartment;
	private final Cache<String, Optional<SharingDirective>> cache =
			Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(CACHE_TIME).build();

	public SharingDirectives(DaoRegistry daoRegistry, PatientCompartment compartment) {
		this.daoRegistry = daoRegistry;
		this.compartment = compartment;
	}

	/**
	 * Whether {@code record} is withheld from a reader acting for {@code institution} (empty for none): it comes from
	 * another institution and a patient it is about denied sharing with that one.
	 */
	public boolean withhold(IBaseResource record, String institution) {
		Optional<String> source = SourceInstitution.of(record);
		if (source.isEmpty() || source.get().equals(institution)) {
			return false;
		}
		return compartment.patientIds(record).stream()
				.map(this::forPatient)
				.flatMap(Optional::stream)
				.anyMatch(directive -> !directive.allows(institution));
	}

	private Optional<SharingDirective> forPatient(String patientId) {
		return cache.get(patientId, this::load);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void consentCreated(IBaseResource resource) {
		forget(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void consentUpdated(IBaseResource previous, IBaseResource resource) {
		forget(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void consentDeleted(IBaseResource resource) {
		forget(resource);
	}

	private void forget(IBaseResource resource) {
		if (resource instanceof Consent consent && consent.getPatient().getReferenceElement().hasIdPart()) {
			cache.invalidate(consent.getPatient().getReferenceElement().getIdPart());
		}
	}

	private Optional<SharingDirective> load(String patientId) {
		SearchParameterMap active = SearchParameterMap.newSynchronous()
				.add(Consent.SP_PATIENT, new ReferenceParam("Patient/" + patientId))
				.add(Consent.SP_STATUS, new TokenParam("active"));
		return daoRegistry.getResourceDao(Consent.class).searchForResources(active, new SystemRequestDetails()).stream()
				.map(Consent.class::cast)
				.filter(consent -> consent.getProvision().getType() == Consent.ConsentProvisionType.DENY)
				.max(Comparator.comparing(Consent::getDateTime, Comparator.nullsFirst(Comparator.naturalOrder())))
				.map(consent -> new SharingDirective(consent.getIdElement().toUnqualifiedVersionless().getValue(),
						permittedInstitutions(consent)));
	}

	private static Set<String> permittedInstitutions(Consent consent) {
		return consent.getProvision().getProvision().stream()
				.filter(provision -> provision.getType() == Consent.ConsentProvisionType.PERMIT)
				.flatMap(provision -> provision.getActor().stream())
				.map(actor -> actor.getReference().getIdentifier())
				.filter(identifier -> ORGANISATION_CODE.equals(identifier.getSystem()) && identifier.hasValue())
				.map(Identifier::getValue)
				.collect(Collectors.toUnmodifiableSet());
	}
}
