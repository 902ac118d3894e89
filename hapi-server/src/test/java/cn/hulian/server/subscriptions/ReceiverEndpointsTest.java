package cn.hulian.server.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiverEndpointsTest {

	private static final String PRODUCTION = "jdbc:postgresql://db.example.cn/hulian";

	private static SubscriptionProperties allowing(List<String> hosts) {
		return new SubscriptionProperties(hosts, null, null, null, null, null);
	}

	private static Optional<String> refusal(ReceiverEndpoints endpoints, String endpoint) {
		return endpoints.refusal(endpoint).map(ReceiverEndpoints.Refusal::messageKey);
	}

	@Test
	void productionRefusesPlainHttpAndNonPublicAddressesByDefault() {
		ReceiverEndpoints endpoints = new ReceiverEndpoints(allowing(null), PRODUCTION);
		assertThat(refusal(endpoints, "http://127.0.0.1:9000/hook")).hasValue("subscriptions.endpoint-not-https");
		assertThat(refusal(endpoints, "https://127.0.0.1/hook")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://localhost/hook")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://[::1]/hook")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://10.20.30.40/hook")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://192.168.1.5/hook")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://169.254.169.254/latest")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://[fd00::1]/hook")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://0.0.0.0/hook")).hasValue("subscriptions.endpoint-not-public");
		assertThat(refusal(endpoints, "https://203.0.113.7/hook")).isEmpty();
	}

	@Test
	void refusesWhatIsNotAnAbsoluteHttpUrlWithoutCredentials() {
		ReceiverEndpoints endpoints = new ReceiverEndpoints(allowing(null), PRODUCTION);
		for (String malformed : new String[] {null, "", "hook", "/hook", "ftp://203.0.113.7/x", "file:///etc/passwd",
				"https://user:secret@203.0.113.7/hook", "https://exa mple.org/"}) {
			assertThat(refusal(endpoints, malformed)).as(malformed).hasValue("subscriptions.endpoint-malformed");
		}
	}

	@Test
	void allowedHostsMayUseHttpAndPrivateAddresses() {
		ReceiverEndpoints endpoints = new ReceiverEndpoints(allowing(List.of("10.20.30.40", "Platform.Gov.CN", "[::1]")),
				PRODUCTION);
		assertThat(refusal(endpoints, "http://10.20.30.40:8443/hook")).isEmpty();
		assertThat(refusal(endpoints, "http://platform.gov.cn/hook")).isEmpty();
		assertThat(refusal(endpoints, "http://[::1]:8080/hook")).isEmpty();
		assertThat(refusal(endpoints, "http://10.20.30.41/hook")).hasValue("subscriptions.endpoint-not-https");
	}

	@Test
	void theEmbeddedDefaultAllowsLoopbackOnly() {
		ReceiverEndpoints embedded = new ReceiverEndpoints(allowing(null), "");
		assertThat(refusal(embedded, "http://localhost:9000/hook")).isEmpty();
		assertThat(refusal(embedded, "http://127.0.0.1:9000/hook")).isEmpty();
		assertThat(refusal(embedded, "http://10.20.30.40/hook")).hasValue("subscriptions.endpoint-not-https");
		ReceiverEndpoints configured = new ReceiverEndpoints(allowing(List.of()), "");
		assertThat(refusal(configured, "http://localhost:9000/hook")).hasValue("subscriptions.endpoint-not-https");
	}
}
