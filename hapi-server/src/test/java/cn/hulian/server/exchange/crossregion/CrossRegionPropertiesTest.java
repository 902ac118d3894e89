package cn.hulian.server.exchange.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossRegionPropertiesTest {

	@Test
	void offByDefault() {
		CrossRegionProperties defaults = new CrossRegionProperties(null, null, null, null);
		assertThat(defaults.enabled()).isFalse();
		assertThat(defaults.peers()).isEmpty();
	}

	@Test
	void aPeerGetsDefaultsAndItsBaseLosesATrailingSlash() {
		CrossRegionProperties.Peer peer = peer("330000", "https://hie.zj.example.cn/fhir/");
		assertThat(peer.fhirBaseUrl()).hasToString("https://hie.zj.example.cn/fhir");
		assertThat(peer.scope()).isEqualTo("system/*.rs");
		assertThat(peer.name()).isEqualTo("330000");
	}

	@Test
	void refusesWhatCannotWork() {
		assertThatThrownBy(() -> new CrossRegionProperties("510100", null, null, null))
				.hasMessageContaining("province code");
		assertThatThrownBy(() -> new CrossRegionProperties("", List.of(peer("330000", "https://a/fhir")), null, null))
				.hasMessageContaining("needs hulian.cross-region.region");
		assertThatThrownBy(() -> new CrossRegionProperties("510000",
				List.of(peer("330000", "https://a/fhir"), peer("330000", "https://b/fhir")), null, null))
				.hasMessageContaining("each region once");
		assertThatThrownBy(() -> new CrossRegionProperties("510000", List.of(peer("510000", "https://a/fhir")), null, null))
				.hasMessageContaining("not this one");
		assertThatThrownBy(() -> new CrossRegionProperties.Peer("330000", null, URI.create("https://a/fhir"), null, "c",
				"s", null)).hasMessageContaining("token-url");
	}

	private static CrossRegionProperties.Peer peer(String region, String base) {
		return new CrossRegionProperties.Peer(region, null, URI.create(base), URI.create("https://idp/token"), "client",
				"secret", null);
	}
}
