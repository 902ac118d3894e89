package cn.hulian.server.security;

import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import cn.hulian.server.records.PatientCompartment;

/**
 * Lets a {@code patient/} scope reach a Binary that is the content of the patient's own records (an uploaded
 * document's bytes): HAPI's compartment rules cannot, since Binary is in no compartment. Decided on the Binary that
 * would be returned, so a read of anyone else's Binary is refused.
 */
class PatientDocumentContent implements IAuthRuleTester {

	private final PatientCompartment compartment;
	private final String patientId;

	PatientDocumentContent(PatientCompartment compartment, String patientId) {
		this.compartment = compartment;
		this.patientId = patientId;
	}

	@Override
	public boolean matchesOutput(RuleTestRequest request) {
		return request.resource != null && compartment.patientIds(request.resource).contains(patientId);
	}
}
