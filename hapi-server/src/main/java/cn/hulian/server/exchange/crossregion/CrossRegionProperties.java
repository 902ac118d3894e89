package cn.hulian.server.exchange.crossregion;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Exchange with the Hulian servers of other regions ({@code hulian.cross-region.*}). Off while {@code region} is empty.
 *
 * @param region         this server's region: the GB/T 2260 code of its province (e.g. 510000 for Sichuan)
 * @param peers          the servers of other regions this one may ask for records
 * @param peerTimeout    how long one peer may take to answer, token included (default 10 s); peers are asked in
 *                       parallel, so this bounds the whole request
 * @param recordsPerPeer the most records one peer sends for one request (default 2000); a patient with more gets a
 *                       warning in the answer saying that it was cut
 */
@ConfigurationProperties("hulian.cross-region")
public record CrossRegionProperties(String region, List<Peer> peers, Duration peerTimeout, Integer recordsPerPeer) {

	private static final Pattern PROVINCE = Pattern.compile("\\d{2}0000");

	public CrossRegionProperties {
		region = region == null ? "" : region.strip();
		peers = peers == null ? List.of() : List.copyOf(peers);
		peerTimeout = peerTimeout == null ? Duration.ofSeconds(10) : peerTimeout;
		recordsPerPeer = recordsPerPeer == null ? 2000 : recordsPerPeer;
		if (!region.isEmpty() && !PROVINCE.matcher(region).matches()) {
			throw new IllegalArgumentException("hulian.cross-region.region must be a GB/T 2260 province code such as "
					+ "330000: " + region);
		}
		if (region.isEmpty() && !peers.isEmpty()) {
			throw new IllegalArgumentException("hulian.cross-region.peers needs hulian.cross-region.region: the region "
					+ "this server speaks for");
		}
		Set<String> distinct = peers.stream().map(Peer::region).collect(Collectors.toSet());
		if (distinct.size() < peers.size() || distinct.contains(region)) {
			throw new IllegalArgumentException("hulian.cross-region.peers must name each region once, and not this one");
		}
		if (recordsPerPeer < 1 || peerTimeout.isNegative() || peerTimeout.isZero()) {
			throw new IllegalArgumentException("hulian.cross-region.records-per-peer and peer-timeout must be positive");
		}
	}

	boolean enabled() {
		return !region.isEmpty();
	}

	/**
	 * A peer region's server, and how this one gets tokens it accepts: OAuth 2.0 client credentials at
	 * {@code tokenUrl}, an issuer the peer trusts (a national or provincial identity provider, or the peer's own).
	 *
	 * @param region       the peer's GB/T 2260 province code
	 * @param name         a name for people (e.g. 浙江省全民健康信息平台)
	 * @param fhirBaseUrl  the peer's FHIR base, e.g. https://hie.zj.example.cn/fhir
	 * @param tokenUrl     the token endpoint
	 * @param clientId     this server's client id there
	 * @param clientSecret its secret (sent with HTTP Basic)
	 * @param scope        the scope asked for (default {@code system/*.rs})
	 */
	public record Peer(String region, String name, URI fhirBaseUrl, URI tokenUrl, String clientId, String clientSecret,
			String scope) {

		public Peer {
			if (region == null || !PROVINCE.matcher(region).matches()) {
				throw new IllegalArgumentException("hulian.cross-region.peers[].region must be a GB/T 2260 province code: "
						+ region);
			}
			if (fhirBaseUrl == null || tokenUrl == null || clientId == null || clientSecret == null) {
				throw new IllegalArgumentException("hulian.cross-region.peers[] for " + region
						+ " needs fhir-base-url, token-url, client-id and client-secret");
			}
			name = name == null ? region : name;
			scope = scope == null ? "system/*.rs" : scope;
			String base = fhirBaseUrl.toString();
			fhirBaseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		}
	}
}
