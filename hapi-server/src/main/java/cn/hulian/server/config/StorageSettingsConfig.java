package cn.hulian.server.config;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.entity.NormalizedQuantitySearchLevel;
import ca.uhn.fhir.context.FhirContext;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.hl7.fhir.dstu2.model.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI storage behaviour, set for records that arrive from many hospital systems, in any order, under their own ids.
 */
@Configuration
public class StorageSettingsConfig {

	@Bean
	public JpaStorageSettings jpaStorageSettings() {
		JpaStorageSettings settings = new JpaStorageSettings();
		// Hospitals keep their own ids (numeric ones too: PUT Patient/1001); ids the server assigns are UUIDs
		// so they can never collide with a client's.
		settings.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ANY);
		settings.setResourceServerIdStrategy(JpaStorageSettings.IdStrategyEnum.UUID);
		// Records arrive in any order: a reference to a resource not yet sent creates a placeholder that the
		// real resource later fills in, keeping referential integrity and chained search working.
		settings.setAutoCreatePlaceholderReferenceTargets(true);
		settings.setPopulateIdentifierInAutoCreatedPlaceholderReferenceTargets(true);
		settings.setAllowMultipleDelete(true);
		// $expunge is allowed; the retention rule (policy.RetentionRule) refuses it for clinical records inside their
		// retention period. Delete-expunge (DELETE ?_expunge=true) stays off: it bypasses the per-version check.
		settings.setExpungeEnabled(true);
		settings.setDeleteExpungeEnabled(false);
		// Quantities are searched in the unit they were recorded in (HAPI's default). Storing each one also in UCUM's
		// canonical units took a fifth of the CPU of an ingest of observations and claims (docs/benchmark.md).
		settings.setNormalizedQuantitySearchLevel(NormalizedQuantitySearchLevel.NORMALIZED_QUANTITY_SEARCH_NOT_SUPPORTED);
		settings.setHibernateSearchIndexFullText(true);
		// ValueSets are expanded in memory (and cached) rather than pre-expanded into tables by a scheduled job:
		// a pre-expansion that runs while a code system's concepts are being re-stored (after a package install,
		// on another node of the cluster) is saved empty, and then every code of that system is refused.
		settings.setPreExpandValueSets(false);
		settings.setIndexMissingFields(JpaStorageSettings.IndexEnabledEnum.DISABLED);
		// Tags, profiles and security labels stay inside each record rather than in HAPI's tag tables: two fewer rows
		// per written version, and no tag definitions shared between sessions (HAPI caches those entities, and under
		// concurrent transactions that read records back, a cached one ended up in two sessions: 500s).
		// _tag, _profile and _security are then ordinary search parameters, shipped in the profiles package.
		settings.setTagStorageMode(JpaStorageSettings.TagStorageModeEnum.INLINE);
		// A new or changed SearchParameter does not start a re-index of every record it covers: re-indexing a
		// CodeSystem stores its concepts again, and while that runs the codes are missing and valid records are
		// refused. Search parameters come with the packages, installed before any record; after an upgrade that
		// changes one, the operator re-indexes the types concerned ($reindex with their URLs).
		settings.setMarkResourcesForReindexingUponSearchParameterChange(false);
		// A Provenance names the exact version it is about, and outlives it: deleting a record is not blocked by its
		// Provenance, and a Provenance of a record deleted since is still stored (without a search link to it).
		// References to deleted records from clients are refused by records.DeletedRecordsStayDeleted.
		settings.setEnforceReferentialIntegrityOnDeleteDisableForPaths(Set.of("Provenance.target"));
		settings.setEnforceReferentialIntegrityOnWrite(false);
		return settings;
	}

	@Autowired
	void parserOptions(FhirContext fhirContext) {
		// Provenance and AuditEvent name the exact version of the record they are about; HAPI strips versions elsewhere.
		fhirContext.getParserOptions().setDontStripVersionsFromReferencesAtPaths("Provenance.target", "AuditEvent.entity.what");
		// Every reference the server writes or answers is text. Looking for references to unsaved resource objects to
		// contain walks every element of every resource encoded: a third of the cost of encoding an AuditEvent.
		fhirContext.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
	}

	@Bean
	public SubscriptionSettings subscriptionSettings() {
		SubscriptionSettings settings = new SubscriptionSettings();
		settings.addSupportedSubscriptionType(Subscription.SubscriptionChannelType.RESTHOOK);
		return settings;
	}

	@Bean
	public PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}
}
