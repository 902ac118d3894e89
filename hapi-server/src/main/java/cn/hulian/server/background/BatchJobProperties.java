package cn.hulian.server.background;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HAPI's batch jobs: bulk export, {@code $reindex} ({@code hulian.batch-jobs.*}).
 *
 * @param stepInterval how often HAPI's job maintenance moves jobs on to their next step (default 15 s; HAPI's own
 *                     default is a minute). A bulk export has four steps, so even a small one takes a few intervals.
 */
@ConfigurationProperties("hulian.batch-jobs")
public record BatchJobProperties(Duration stepInterval) {

	public BatchJobProperties {
		stepInterval = stepInterval == null ? Duration.ofSeconds(15) : stepInterval;
		if (stepInterval.toMillis() < 1000) {
			throw new IllegalArgumentException("hulian.batch-jobs.step-interval must be at least 1s: " + stepInterval);
		}
	}
}
