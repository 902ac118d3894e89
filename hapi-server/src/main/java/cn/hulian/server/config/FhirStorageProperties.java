package cn.hulian.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the FHIR store treats what heterogeneous hospital systems send ({@code hulian.fhir.*}).
 *
 * @param defaultPageSize search results per page when the client gives no {@code _count}
 * @param maxPageSize     the largest {@code _count} honoured; larger values are lowered to this
 * @param serverAddress   the public base URL written into links and {@code Location} headers, when the server sits
 *                        behind a proxy; empty means "as the request was addressed"
 */
@ConfigurationProperties("hulian.fhir")
public record FhirStorageProperties(Integer defaultPageSize, Integer maxPageSize, String serverAddress) {

	public FhirStorageProperties {
		defaultPageSize = defaultPageSize == null ? 20 : defaultPageSize;
		maxPageSize = maxPageSize == null ? 500 : maxPageSize;
		serverAddress = serverAddress == null ? "" : serverAddress;
	}
}
