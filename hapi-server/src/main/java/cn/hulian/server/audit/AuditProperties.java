package cn.hulian.server.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit trail ({@code hulian.audit.*}).
 *
 * @param writeInterval how often new AuditEvents are linked into the hash chain and recorded Provenances stored as
 *                      FHIR resources (default 200 ms)
 * @param batchSize     how many Provenances are stored per database transaction (default 25)
 */
@ConfigurationProperties("hulian.audit")
public record AuditProperties(Duration writeInterval, Integer batchSize) {

	public AuditProperties {
		writeInterval = writeInterval == null ? Duration.ofMillis(200) : writeInterval;
		batchSize = batchSize == null ? 25 : batchSize;
	}
}
