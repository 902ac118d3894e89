package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Uploaded documents in the shape of IHE MHD: an institution submits a discharge summary with its PDF (ITI-65), finds
 * it by patient, type and date (ITI-67) and retrieves the PDF as it was (ITI-68); the bytes are protected like the
 * document: a patient's sharing directive withholds them from other institutions.
 */
class DocumentsIT extends ServerTestSupport {

	private static final TestIssuer ISSUER = TestIssuer.get();
	private static final String DOCUMENT_TYPES = "http://hulian.cn/fhir/CodeSystem/wst-500-document-type";
	private static final String RESIDENT_ID = "urn:oid:2.16.156.10011.1.3";
	private static final String PROFILE = "http://hulian.cn/fhir/StructureDefinition/cn-document-reference";

	private final String hospitalAToken = SecurityIT.hospitalToken(TestIssuer.HOSPITAL_A);
	private final IGenericClient hospitalA = newClient(server.fhirBaseUrl(), hospitalAToken);

	@Test
	void anInstitutionSubmitsFindsAndRetrievesADischargeSummary() {
		String residentId = unique("110105");
		String patient = newPatient(residentId);
		byte[] pdf = pdf(300_000);

		Bundle response = hospitalA.transaction().withBundle(submission(patient, pdf, false)).execute();

		String list = location(response, 0);
		String document = location(response, 1);
		String binary = location(response, 2);
		assertThat(list).startsWith("List/");
		DocumentReference stored = hospitalA.read().resource(DocumentReference.class).withId(document).execute();
		assertThat(stored.getContentFirstRep().getAttachment().getUrl()).as("rewritten to the stored Binary").isEqualTo(binary);
		assertThat(stored.getMeta().getProfile()).extracting(profile -> profile.getValue()).contains(PROFILE);

		String byPatientTypeAndDate = "DocumentReference?patient=" + patient + "&type=" + DOCUMENT_TYPES
				+ "|53&date=ge2026-01-01&status=current";
		assertThat(ids(search(hospitalA, byPatientTypeAndDate))).containsExactly(document);
		assertThat(ids(search(hospitalA, "DocumentReference?patient.identifier=" + RESIDENT_ID + "|" + residentId
				+ "&type=" + DOCUMENT_TYPES + "|53"))).containsExactly(document);
		assertThat(search(hospitalA, "DocumentReference?patient=" + patient + "&type=" + DOCUMENT_TYPES + "|2")
				.getEntry()).as("another type").isEmpty();
		assertThat(search(hospitalA, "DocumentReference?patient=" + patient + "&date=lt2026-01-01").getEntry())
				.as("written before").isEmpty();

		HttpResponse<byte[]> retrieved = retrieve(binary, hospitalAToken);
		assertThat(retrieved.statusCode()).isEqualTo(200);
		assertThat(retrieved.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/pdf"));
		assertThat(retrieved.body()).isEqualTo(pdf);

		assertThat(auditedWithPatient(binary, patient)).as("the Binary read is audited with its patient").isNotEmpty();

		HttpResponse<byte[]> byThePatient = retrieve(binary, patientToken(patient));
		assertThat(byThePatient.statusCode()).as("the patient's own document").isEqualTo(200);
		assertThat(byThePatient.body()).isEqualTo(pdf);
		assertThat(retrieve(binary, patientToken(newPatient(unique("110105")))).statusCode()).as("another patient")
				.isEqualTo(403);
	}

	@Test
	void aDocumentOfAnotherTypeOrWithoutPatientIsRefusedWithTheReason() {
		String patient = newPatient(unique("110105"));
		DocumentReference loincOnly = discharge(patient, "urn:uuid:" + UUID.randomUUID());
		loincOnly.setType(new CodeableConcept(new Coding("http://loinc.org", "18842-5", "Discharge summary")));
		HttpResponse<String> wrongType = post(loincOnly);
		assertThat(wrongType.statusCode()).isEqualTo(422);
		assertThat(operationOutcome(wrongType).getIssue()).anySatisfy(
				issue -> assertThat(issue.getDiagnostics()).contains("cn-document-type"));
		assertThat(operationOutcome(wrongType).getIssue()).anySatisfy(
				issue -> assertThat(issue.getDiagnostics()).contains(PROFILE).contains("DocumentReference"));

		DocumentReference withoutPatient = discharge(patient, "urn:uuid:" + UUID.randomUUID()).setSubject(null);
		HttpResponse<String> noSubject = post(withoutPatient);
		assertThat(noSubject.statusCode()).isEqualTo(422);
		assertThat(operationOutcome(noSubject).getIssue()).anySatisfy(
				issue -> assertThat(issue.getDiagnostics()).contains("DocumentReference.subject"));

		Bundle submission = submission(patient, pdf(1_000), false);
		((DocumentReference) submission.getEntry().get(1).getResource()).setSubject(null);
		HttpResponse<String> refusedSubmission = send(fhirRequest("").header("Content-Type", "application/fhir+json")
				.header("Authorization", "Bearer " + hospitalAToken)
				.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(submission))));
		assertThat(refusedSubmission.statusCode()).isEqualTo(422);
		assertThat(search(hospitalA, "DocumentReference?patient=" + patient).getEntry()).as("nothing stored").isEmpty();
	}

	@Test
	void anotherInstitutionsClinicianIsRefusedTheBytesWhenThePatientDeniesSharing() {
		String patient = newPatient(unique("110105"));
		byte[] pdf = pdf(10_000);
		Bundle withContext = hospitalA.transaction().withBundle(submission(patient, pdf, true)).execute();
		Bundle withoutContext = hospitalA.transaction().withBundle(submission(patient, pdf, false)).execute();
		String clinicianB = ISSUER.token(Map.of("hulian_role", "clinician", "hulian_institution", TestIssuer.HOSPITAL_B,
				"scope", "user/*.cruds", "client_id", unique("clinician-b")));
		assertThat(retrieve(location(withContext, 2), clinicianB).statusCode()).as("shared until denied").isEqualTo(200);

		hospitalA.create().resource(ConsentIT.denial(patient)).execute();

		for (Bundle submitted : List.of(withContext, withoutContext)) {
			String binary = location(submitted, 2);
			HttpResponse<byte[]> refused = retrieve(binary, clinicianB);
			assertThat(refused.statusCode()).as(binary).isEqualTo(403);
			assertThat(sendAsIs(SecurityIT.withToken(fhirRequest(location(submitted, 1)), clinicianB)).statusCode())
					.isEqualTo(403);
			HttpResponse<byte[]> administrator = retrieve(binary, ISSUER.admin());
			assertThat(administrator.statusCode()).isEqualTo(200);
			assertThat(administrator.body()).isEqualTo(pdf);
		}
		assertThat(search(newClient(server.fhirBaseUrl(), clinicianB), "DocumentReference?patient=" + patient).getEntry())
				.as("left out of searches").isEmpty();
	}

	/** An ITI-65 Provide Document Bundle: the SubmissionSet, a discharge summary and its PDF, linked by urn:uuid. */
	private static Bundle submission(String patient, byte[] pdf, boolean binaryNamesItsDocument) {
		String listUrl = "urn:uuid:" + UUID.randomUUID();
		String documentUrl = "urn:uuid:" + UUID.randomUUID();
		String binaryUrl = "urn:uuid:" + UUID.randomUUID();
		ListResource submissionSet = new ListResource().setStatus(ListResource.ListStatus.CURRENT)
				.setMode(ListResource.ListMode.WORKING).setSubject(new Reference(patient)).setDateElement(DateTimeType.now());
		submissionSet.setCode(new CodeableConcept(
				new Coding("https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", "submissionset", "SubmissionSet")));
		submissionSet.addEntry().setItem(new Reference(documentUrl));
		Binary binary = new Binary().setContentType("application/pdf").setData(pdf);
		if (binaryNamesItsDocument) {
			binary.setSecurityContext(new Reference(documentUrl));
		}
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.getMeta().addProfile("https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Minimal.ProvideBundle");
		bundle.addEntry().setFullUrl(listUrl).setResource(submissionSet).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("List");
		DocumentReference document = discharge(patient, binaryUrl);
		document.getContentFirstRep().getAttachment().setSize(pdf.length);
		bundle.addEntry().setFullUrl(documentUrl).setResource(document).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
		bundle.addEntry().setFullUrl(binaryUrl).setResource(binary).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
		return bundle;
	}

	private static DocumentReference discharge(String patient, String contentUrl) {
		DocumentReference document = new DocumentReference()
				.setStatus(Enumerations.DocumentReferenceStatus.CURRENT)
				.setType(new CodeableConcept(new Coding(DOCUMENT_TYPES, "53", "出院小结")))
				.setSubject(new Reference(patient))
				.setCustodian(new Reference().setIdentifier(
						new Identifier().setSystem("urn:oid:2.16.156.10011.1.5").setValue(TestIssuer.HOSPITAL_A)));
		document.setDateElement(new InstantType("2026-03-12T10:30:00+08:00"));
		document.addContent().getAttachment().setContentType("application/pdf").setUrl(contentUrl).setTitle("出院小结");
		return document;
	}

	private String newPatient(String residentId) {
		return hospitalA.create().resource(new Patient().addIdentifier(new Identifier().setSystem(RESIDENT_ID)
				.setValue(residentId))).execute().getId().toUnqualifiedVersionless().getValue();
	}

	private static String patientToken(String patient) {
		return ISSUER.token(Map.of("hulian_role", "patient", "patient", new IdType(patient).getIdPart(),
				"scope", "patient/*.rs"));
	}

	/** Stand-in PDF bytes: a PDF header and random content, so any change to a byte shows. */
	private static byte[] pdf(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	private HttpResponse<String> post(DocumentReference document) {
		return sendAsIs(SecurityIT.withToken(fhirRequest("DocumentReference").header("Content-Type", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(FHIR.newJsonParser().encodeResourceToString(document))), hospitalAToken));
	}

	/** ITI-68: the document's bytes as they were submitted. */
	private HttpResponse<byte[]> retrieve(String binary, String token) {
		return sendAsIs(HttpRequest.newBuilder(URI.create(server.fhirBaseUrl() + "/" + binary))
				.header("Accept", "application/pdf").header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	private List<AuditEvent> auditedWithPatient(String record, String patient) {
		IGenericClient auditor = newClient(server.fhirBaseUrl(), ISSUER.token(Map.of("hulian_role", "auditor",
				"scope", "system/*.rs")));
		return auditor.search().byUrl("AuditEvent?entity=" + record + "&patient=" + patient + "&action=R")
				.cacheControl(new CacheControlDirective().setNoCache(true)).returnBundle(Bundle.class).execute()
				.getEntry().stream().map(entry -> (AuditEvent) entry.getResource()).toList();
	}

	private static Bundle search(IGenericClient client, String query) {
		return client.search().byUrl(query).cacheControl(new CacheControlDirective().setNoCache(true))
				.returnBundle(Bundle.class).execute();
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}

	/** Type/id of the record the transaction stored for entry {@code index}. */
	private static String location(Bundle response, int index) {
		return new IdType(response.getEntry().get(index).getResponse().getLocation())
				.toUnqualifiedVersionless().getValue();
	}
}
