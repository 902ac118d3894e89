package cn.hulian.server.security;

import java.util.List;

/**
 * Who sent a request, as its verified token says.
 *
 * @param clientId    the client application ({@code client_id}, {@code azp} or {@code sub})
 * @param subject     the token's subject
 * @param issuer      the token's issuer
 * @param role        the caller's role
 * @param institution the organisation code it acts for (urn:oid:2.16.156.10011.1.5), empty if none
 * @param patientId   the patient a patient-scoped token is for, empty if none
 * @param fhirUser    the user's resource reference (e.g. {@code Practitioner/123}), empty if none
 * @param scopes      the SMART scopes granted
 */
public record Caller(
		String clientId,
		String subject,
		String issuer,
		Role role,
		String institution,
		String patientId,
		String fhirUser,
		List<SmartScope> scopes) {

	public boolean actsForInstitution() {
		return !institution.isEmpty();
	}

	public boolean hasPatientContext() {
		return !patientId.isEmpty();
	}
}
