package cn.hulian.server.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits that protect the server from requests too large to handle safely ({@code hulian.limits.*}).
 *
 * @param maxRequestSize   the largest request body accepted on {@code /fhir}; larger ones get 413
 * @param maxBundleEntries the most entries one batch or transaction Bundle may carry; more get 413
 */
@ConfigurationProperties("hulian.limits")
public record RequestLimitProperties(DataSize maxRequestSize, Integer maxBundleEntries) {

	public RequestLimitProperties {
		maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(20) : maxRequestSize;
		maxBundleEntries = maxBundleEntries == null ? 5000 : maxBundleEntries;
	}
}
