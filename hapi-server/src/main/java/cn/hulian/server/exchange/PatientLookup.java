package cn.hulian.server.exchange;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.IQueryParameterType;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * The server's own Patient searches for matching and linking: through the search indexes, never a scan, each at most
 * {@link #MAX_RESULTS} records. They run as the server (what the caller may see is decided when the result is
 * shown), so that finding candidates reveals nothing by itself.
 */
@Component
public class PatientLookup {

	/** Records one search returns at most: a birth date shared by more is too common to tell people apart. */
	static final int MAX_RESULTS = 200;

	private final DaoRegistry daoRegistry;

	public PatientLookup(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	/** Patient {@code id}, empty if there is none or it was deleted: a read, cheaper than a search by {@code _id}. */
	public Optional<Patient> read(String id) {
		try {
			return Optional.of(dao().read(new IdType("Patient", id), new SystemRequestDetails()));
		} catch (ResourceNotFoundException | ResourceGoneException none) {
			return Optional.empty();
		}
	}

	/** The Patients with {@code value} in search parameter {@code parameter}. */
	public List<Patient> search(String parameter, IQueryParameterType value) {
		return search(SearchParameterMap.newSynchronous().add(parameter, value));
	}

	/** The Patients {@code search} finds (at most {@link #MAX_RESULTS}). */
	public List<Patient> search(SearchParameterMap search) {
		search.setLoadSynchronous(true);
		search.setCount(MAX_RESULTS);
		return dao().searchForResources(search, new SystemRequestDetails()).stream().map(Patient.class::cast).toList();
	}

	/** The Patients carrying resident ID card number {@code number}. */
	public List<Patient> withResidentId(String number) {
		return search(Patient.SP_IDENTIFIER, new TokenParam(ResidentIdCheck.SYSTEM, number));
	}

	@SuppressWarnings("unchecked")
	private IFhirResourceDao<Patient> dao() {
		return daoRegistry.getResourceDao(Patient.class);
	}
}
