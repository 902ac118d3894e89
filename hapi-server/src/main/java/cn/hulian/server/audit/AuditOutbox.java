package cn.hulian.server.audit;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where AuditEvents and Provenances wait to be stored (table {@code hulian_audit_outbox}). Adding one is a single
 * insert, inside the caller's database transaction when there is one: cheap on the request path, and never lost once
 * the request's answer is sent. {@link AuditWriter} stores them as FHIR resources in the background.
 */
@Component
class AuditOutbox {

	private final JdbcTemplate jdbc;
	private final FhirContext fhirContext;

	AuditOutbox(JdbcTemplate jdbc, FhirContext fhirContext, AuditSchema schemaFirst) {
		this.jdbc = jdbc;
		this.fhirContext = fhirContext;
	}

	void add(IBaseResource resource) {
		addAll(List.of(resource));
	}

	void addAll(List<? extends IBaseResource> resources) {
		if (resources.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("INSERT INTO hulian_audit_outbox (kind, body) VALUES (?, ?)", resources, resources.size(),
				(statement, resource) -> {
					statement.setString(1, fhirContext.getResourceType(resource));
					statement.setString(2, fhirContext.newJsonParser().encodeResourceToString(resource));
				});
	}
}
