package cn.hulian.server.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How writes reach the full-text index ({@code hulian.search.indexing.*}).
 *
 * @param maxWait         how long a write waits for the index to take its change before answering anyway; the
 *                        change is then indexed when the engine gets to it, or from the backlog
 * @param catchUpInterval how often records the index missed (the engine was down) are indexed again
 * @param catchUpBatch    how many of them are indexed in one go
 */
@ConfigurationProperties("hulian.search.indexing")
public record IndexingProperties(Duration maxWait, Duration catchUpInterval, Integer catchUpBatch) {

	public IndexingProperties {
		maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
		catchUpInterval = catchUpInterval == null ? Duration.ofSeconds(5) : catchUpInterval;
		catchUpBatch = catchUpBatch == null ? 200 : catchUpBatch;
	}
}
