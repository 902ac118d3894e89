package cn.hulian.server.bulkexport;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * FHIR Bulk Data export ({@code hulian.bulk-export.*}).
 *
 * @param fileRetention    how long an export's job and NDJSON files are kept after it started, in whole hours
 *                         (default 2 h, HAPI's); the requester downloads them within that time
 * @param resourcesPerFile the most resources in one NDJSON file (default 1000)
 */
@ConfigurationProperties("hulian.bulk-export")
public record BulkExportProperties(Duration fileRetention, Integer resourcesPerFile) {

	public BulkExportProperties {
		fileRetention = fileRetention == null ? Duration.ofHours(2) : fileRetention;
		resourcesPerFile = resourcesPerFile == null ? 1000 : resourcesPerFile;
		if (fileRetention.toHours() < 1 || fileRetention.toMinutesPart() != 0 || fileRetention.toSecondsPart() != 0) {
			throw new IllegalArgumentException("hulian.bulk-export.file-retention must be a whole number of hours, at least 1h: "
					+ fileRetention);
		}
		if (resourcesPerFile < 1) {
			throw new IllegalArgumentException("hulian.bulk-export.resources-per-file must be at least 1: " + resourcesPerFile);
		}
	}
}
