package cn.hulian.server.exchange.crossregion;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDaoPatient;
import ca.uhn.fhir.jpa.api.dao.PatientEverythingParameters;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import cn.hulian.server.config.FhirOperationProvider;
import cn.hulian.server.exchange.ResidentIdCheck;
import cn.hulian.server.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/$region-records}, the holder's side of cross-region exchange: a peer region's server asks, on behalf
 * of one of its clinicians, for the records this region holds about the person with a resident ID number. The answer
 * is what {@code $everything} of every Patient with that number shows the peer: sharing directives apply as to a
 * reader of another institution (a treating clinician's emergency, stated in {@code X-Purpose-Of-Use}, breaks the
 * glass and is audited), and each record comes with an {@link ExchangeProvenance}. Only callers with role
 * {@code region-peer} may call it ({@code security.ScopeAuthorizationInterceptor}); the parameters naming the asking
 * region and clinician are required and land in this server's AuditEvent with the query.
 */
@Component
class RegionRecordsOperation implements FhirOperationProvider {

	static final String NAME = "$region-records";

	private final DaoRegistry daoRegistry;
	private final ResidentIdCheck residentIds;
	private final CrossRegionProperties properties;

	RegionRecordsOperation(DaoRegistry daoRegistry, ResidentIdCheck residentIds, CrossRegionProperties properties) {
		this.daoRegistry = daoRegistry;
		this.residentIds = residentIds;
		this.properties = properties;
	}

	@Operation(name = NAME, type = Patient.class, idempotent = true)
	public Bundle regionRecords(
			@OperationParam(name = "identifier", min = 1, max = 1) StringType identifier,
			@OperationParam(name = "requesting-region", min = 1, max = 1) StringType requestingRegion,
			@OperationParam(name = "requester-institution", min = 1, max = 1) StringType requesterInstitution,
			@OperationParam(name = "requester", min = 1, max = 1) StringType requester,
			HttpServletRequest servletRequest,
			RequestDetails request) {
		String language = request.getHeader("Accept-Language");
		if (!properties.enabled()) {
			throw new NotImplementedOperationException(Messages.get(language, "cross-region.not-configured"));
		}
		String residentId = residentIdOf(identifier, language);
		requireValue(requestingRegion, "requesting-region", language);
		requireValue(requesterInstitution, "requester-institution", language);
		requireValue(requester, "requester", language);

		Bundle answer = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		TokenOrListParam patients = patientsWith(residentId);
		if (patients.getValuesAsQueryTokens().isEmpty()) {
			return answer.setTotal(0);
		}
		PatientEverythingParameters everything = new PatientEverythingParameters();
		IBundleProvider records = patientDao().patientTypeEverything(servletRequest, request, everything, patients);
		// One more than may be sent, to know whether the answer was cut.
		List<IBaseResource> shown = records.getResources(0, properties.recordsPerPeer() + 1);
		String fhirBase = request.getFhirServerBase();
		shown.stream().limit(properties.recordsPerPeer()).map(Resource.class::cast).forEach(record -> {
			Bundle.BundleEntryComponent entry = answer.addEntry()
					.setFullUrl(fhirBase + "/" + record.getIdElement().toUnqualifiedVersionless().getValue())
					.setResource(record);
			entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
		});
		answer.setTotal(answer.getEntry().size());
		// A stored Provenance (of a write to the Patient) is sent as it is: it is the origin of what it is about.
		List<Resource> sent = answer.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.filter(record -> !(record instanceof Provenance))
				.toList();
		sent.forEach(record -> answer.addEntry(ExchangeProvenance.entryFor(record, fhirBase, properties.region())));
		if (shown.size() > properties.recordsPerPeer()) {
			answer.addEntry(CrossRegionOutcomes.warning(
					Messages.get(language, "cross-region.cut", properties.recordsPerPeer(), properties.region())));
		}
		return answer;
	}

	/** Every Patient with the number, whatever the reader may see: what it may see of them is decided record by record. */
	private TokenOrListParam patientsWith(String residentId) {
		SearchParameterMap byIdentifier = SearchParameterMap.newSynchronous()
				.add(Patient.SP_IDENTIFIER, new TokenParam(ResidentIdCheck.SYSTEM, residentId));
		TokenOrListParam ids = new TokenOrListParam();
		patientDao().searchForResources(byIdentifier, new SystemRequestDetails())
				.forEach(patient -> ids.add(patient.getIdElement().getIdPart()));
		return ids;
	}

	@SuppressWarnings("unchecked")
	private IFhirResourceDaoPatient<Patient> patientDao() {
		return (IFhirResourceDaoPatient<Patient>) daoRegistry.getResourceDao(Patient.class);
	}

	private String residentIdOf(StringType identifier, String language) {
		String value = identifier == null ? "" : identifier.getValue();
		String prefix = ResidentIdCheck.SYSTEM + "|";
		String number = value != null && value.startsWith(prefix) ? value.substring(prefix.length()) : "";
		if (!residentIds.isValid(number)) {
			throw new InvalidRequestException(Messages.get(language, "cross-region.bad-identifier", value));
		}
		return number;
	}

	private static void requireValue(StringType parameter, String name, String language) {
		if (parameter == null || parameter.getValue() == null || parameter.getValue().isBlank()) {
			throw new InvalidRequestException(Messages.get(language, "cross-region.parameter-required", name));
		}
	}
}
