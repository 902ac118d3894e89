package cn.hulian.server.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflict;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.model.primitive.IdDt;
import cn.hulian.server.config.FhirServerInterceptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Provenances refer to the records they are about, and must not stop those records from being deleted (HAPI refuses
 * to delete a record something refers to). Their references are taken out of a delete's conflicts; since HAPI looks
 * at only the first reference it finds, whether any other record still refers to the deleted one is then asked of the
 * database directly, and that reference is the conflict (409) instead. When a record is expunged (physically
 * removed), the search links of Provenances to it go with it; their text still names it.
 */
@Component
class AuditTrailDoesNotBlockRemoval implements FhirServerInterceptor {

	private static final String PROVENANCE = "Provenance";

	private final JdbcTemplate jdbc;

	AuditTrailDoesNotBlockRemoval(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
	public void ignoreAuditReferences(DeleteConflictList conflicts) {
		Map<String, IdDt> targets = new LinkedHashMap<>();
		conflicts.forEach(conflict -> {
			if (PROVENANCE.equals(conflict.getSourceId().getResourceType())) {
				targets.put(conflict.getTargetId().getValue(), conflict.getTargetId());
			}
		});
		conflicts.removeIf(conflict -> PROVENANCE.equals(conflict.getSourceId().getResourceType()));
		if (conflicts.isEmpty()) {
			targets.values().forEach(target -> addReferenceFromAnotherRecord(conflicts, target));
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_EXPUNGE_RESOURCE)
	public void dropAuditLinksTo(IIdType expunged) {
		jdbc.update("DELETE FROM hfj_res_link WHERE source_resource_type = ? AND target_resource_id IN "
						+ "(SELECT res_id FROM hfj_resource WHERE res_type = ? AND fhir_id = ?)",
				PROVENANCE, expunged.getResourceType(), expunged.getIdPart());
	}

	private void addReferenceFromAnotherRecord(DeleteConflictList conflicts, IdDt target) {
		jdbc.query("""
						SELECT source.res_type, source.fhir_id, link.src_path FROM hfj_res_link link
						JOIN hfj_resource target ON target.res_id = link.target_resource_id
						JOIN hfj_resource source ON source.res_id = link.src_resource_id
						WHERE target.res_type = ? AND target.fhir_id = ? AND link.source_resource_type <> ?
						LIMIT 1""",
				row -> {
					IdDt source = new IdDt(row.getString(1), row.getString(2));
					if (!conflicts.isResourceIdMarkedForDeletion(source)) {
						conflicts.add(new DeleteConflict(source, row.getString(3), target));
					}
				},
				target.getResourceType(), target.getIdPart(), PROVENANCE);
	}
}
