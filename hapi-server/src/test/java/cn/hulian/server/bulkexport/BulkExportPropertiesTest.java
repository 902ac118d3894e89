package cn.hulian.server.bulkexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BulkExportPropertiesTest {

	@Test
	void defaultsToHapisRetentionAndFileSize() {
		BulkExportProperties defaults = new BulkExportProperties(null, null);
		assertThat(defaults.fileRetention()).isEqualTo(Duration.ofHours(2));
		assertThat(defaults.resourcesPerFile()).isEqualTo(1000);
	}

	@Test
	void refusesWhatHapiCannotHonour() {
		assertThatThrownBy(() -> new BulkExportProperties(Duration.ofMinutes(90), null))
				.hasMessageContaining("file-retention");
		assertThatThrownBy(() -> new BulkExportProperties(Duration.ofMinutes(30), null))
				.hasMessageContaining("file-retention");
		assertThatThrownBy(() -> new BulkExportProperties(null, 0)).hasMessageContaining("resources-per-file");
		assertThat(new BulkExportProperties(Duration.ofDays(1), 50).fileRetention().toHours()).isEqualTo(24);
	}
}
