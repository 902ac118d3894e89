package cn.hulian.server.consent;

import java.util.Set;

/**
 * A patient's choice about sharing with institutions other than the one a record comes from: denied, except with
 * {@code permittedInstitutions} (organisation codes).
 */
record SharingDirective(String consentId, Set<String> permittedInstitutions) {

	boolean allows(String institution) {
		return permittedInstitutions.contains(institution);
	}
}
