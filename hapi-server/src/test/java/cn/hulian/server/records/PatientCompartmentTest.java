package cn.hulian.server.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Binary, in no compartment of its own, is about the patients of the records it is the content of. */
class PatientCompartmentTest {

	private final DaoRegistry daoRegistry = mock(DaoRegistry.class);
	@SuppressWarnings("unchecked")
	private final IFhirResourceDao<DocumentReference> documents = mock(IFhirResourceDao.class);
	@SuppressWarnings("unchecked")
	private final IFhirResourceDao<Patient> patients = mock(IFhirResourceDao.class);
	private final PatientCompartment compartment = new PatientCompartment(FhirContext.forR4Cached(), daoRegistry);

	@BeforeEach
	void storedRecords() {
		when(daoRegistry.isResourceTypeSupported(any())).thenReturn(true);
		when(daoRegistry.getResourceDao("DocumentReference")).thenReturn((IFhirResourceDao) documents);
		when(daoRegistry.getResourceDao("Patient")).thenReturn((IFhirResourceDao) patients);
		when(daoRegistry.getResourceDao(DocumentReference.class)).thenReturn(documents);
	}

	@Test
	void aRecordBelongsToThePatientsItsCompartmentDefinitionNames() {
		Observation observation = new Observation().setSubject(new Reference("Patient/p1"));

		assertThat(compartment.patientIds(observation)).containsExactly("p1");
	}

	@Test
	void aBinaryIsAboutThePatientOfTheDocumentItsSecurityContextNames() {
		when(documents.read(argThat(id -> id.getValue().equals("DocumentReference/d1")), any()))
				.thenReturn(document("d1", "Patient/p1"));

		assertThat(compartment.patientIds(binary("b1", "DocumentReference/d1"))).containsExactly("p1");
	}

	@Test
	void aBinaryWhoseSecurityContextIsAPatientIsAboutThatPatient() {
		when(patients.read(argThat(id -> id.getValue().equals("Patient/p2")), any()))
				.thenReturn((Patient) new Patient().setId("Patient/p2"));

		assertThat(compartment.patientIds(binary("b1", "Patient/p2"))).containsExactly("p2");
	}

	@Test
	void aBinaryWithoutSecurityContextIsAboutThePatientsOfTheDocumentsThatPointToIt() {
		when(documents.searchForResources(argThat(search -> search.get(BinaryContext.ATTACHMENT_URL).get(0).get(0)
				instanceof UriParam url && url.getValue().equals("Binary/b1")), any()))
				.thenReturn(List.of(document("d1", "Patient/p1"), document("d2", "Patient/p3")));

		assertThat(compartment.patientIds(binary("b1", null))).containsExactlyInAnyOrder("p1", "p3");
	}

	@Test
	void aBinaryWhoseSecurityContextIsNotStoredIsAboutNoOne() {
		when(documents.read(any(), any())).thenThrow(new ResourceNotFoundException("DocumentReference/gone"));

		assertThat(compartment.patientIds(binary("b1", "DocumentReference/gone"))).isEmpty();
	}

	private static Binary binary(String id, String securityContext) {
		Binary binary = new Binary().setContentType("application/pdf");
		binary.setId(new IdType("Binary", id));
		if (securityContext != null) {
			binary.setSecurityContext(new Reference(securityContext));
		}
		return binary;
	}

	private static DocumentReference document(String id, String patient) {
		DocumentReference document = new DocumentReference().setSubject(new Reference(patient));
		document.setId(new IdType("DocumentReference", id));
		return document;
	}
}
