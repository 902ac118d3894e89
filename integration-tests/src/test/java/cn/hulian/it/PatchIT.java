package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Partial updates with JSON Patch and FHIRPath Patch. */
class PatchIT extends ServerTestSupport {

	private IdType id;

	@BeforeEach
	void storePatient() {
		Patient patient = new Patient();
		patient.setId(unique("patch"));
		patient.addName().setFamily("Zhao");
		patient.setGender(AdministrativeGender.FEMALE);
		client.update().resource(patient).execute();
		id = new IdType("Patient", patient.getIdElement().getIdPart());
	}

	@Test
	void appliesAJsonPatch() {
		String patch = "[{\"op\":\"replace\",\"path\":\"/name/0/family\",\"value\":\"Zhao-Patched\"}]";

		client.patch().withBody(patch).withId(id).execute();

		Patient patched = client.read().resource(Patient.class).withId(id).execute();
		assertThat(patched.getNameFirstRep().getFamily()).isEqualTo("Zhao-Patched");
		assertThat(patched.getGender()).isEqualTo(AdministrativeGender.FEMALE);
		assertThat(patched.getMeta().getVersionId()).isEqualTo("2");
	}

	@Test
	void appliesAFhirPathPatch() {
		Parameters patch = new Parameters();
		Parameters.ParametersParameterComponent operation = patch.addParameter().setName("operation");
		operation.addPart().setName("type").setValue(new CodeType("add"));
		operation.addPart().setName("path").setValue(new StringType("Patient"));
		operation.addPart().setName("name").setValue(new StringType("telecom"));
		operation.addPart().setName("value").setValue(new ContactPoint()
				.setSystem(ContactPoint.ContactPointSystem.PHONE)
				.setValue("13800138000"));

		client.patch().withFhirPatch(patch).withId(id).execute();

		Patient patched = client.read().resource(Patient.class).withId(id).execute();
		assertThat(patched.getTelecomFirstRep().getValue()).isEqualTo("13800138000");
		assertThat(patched.getNameFirstRep().getFamily()).isEqualTo("Zhao");
	}
}
