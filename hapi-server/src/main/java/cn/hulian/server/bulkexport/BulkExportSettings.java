package cn.hulian.server.bulkexport;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** HAPI's bulk export settings, from {@link BulkExportProperties}. */
@Configuration
class BulkExportSettings {

	@Autowired
	void applyTo(JpaStorageSettings settings, BulkExportProperties properties) {
		settings.setBulkExportFileRetentionPeriodHours((int) properties.fileRetention().toHours());
		settings.setBulkExportFileMaximumCapacity(properties.resourcesPerFile());
		// Every kick-off is a new export as of its own time: HAPI would otherwise answer a repeated request with an
		// earlier job's files, missing what was written since.
		settings.setEnableBulkExportJobReuse(false);
	}
}
