package cn.hulian.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The identity provider of the test harness, as a hospital's Keycloak would be: it signs tokens with its own RSA key
 * and publishes the public key as a JWK Set over HTTP. The servers under test trust it by configuration
 * ({@code hulian.security.trusted-issuers}), so the tests call them with real, verifiable tokens. It also plays the
 * national identity provider that regions' servers get tokens for each other from: OAuth 2.0 client credentials of
 * one peer client ({@link #PEER_CLIENT_ID}) at {@link #tokenUrl()}.
 */
final class TestIssuer {

	static final String ISSUER = "https://idp.test.hulian.cn/realms/hulian";
	/** Organisation codes of two institutions, as the tokens carry them. */
	static final String HOSPITAL_A = "45071062551010011A1001";
	static final String HOSPITAL_B = "45200000051012211A5101";
	/** The client a region's server authenticates as to other regions. */
	static final String PEER_CLIENT_ID = "hulian-region-510000";
	static final String PEER_CLIENT_SECRET = UUID.randomUUID().toString();

	private static TestIssuer instance;

	private final RSAKey key;
	private final HttpServer jwks;
	private String adminToken;

	private TestIssuer() {
		this.key = newKey();
		try {
			jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		jwks.createContext("/jwks", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, keys.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(keys);
			}
		});
		jwks.createContext("/token", this::issuePeerToken);
		jwks.start();
	}

	String tokenUrl() {
		return "http://localhost:" + jwks.getAddress().getPort() + "/token";
	}

	/** Client credentials (HTTP Basic) of the peer client get a region-peer token; anything else is refused. */
	private void issuePeerToken(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder().encodeToString(
				(PEER_CLIENT_ID + ":" + PEER_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		boolean granted = "POST".equals(exchange.getRequestMethod())
				&& expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
				&& form.contains("grant_type=client_credentials");
		String body = granted
				? "{\"access_token\":\"" + token(Map.of("hulian_role", "region-peer", "scope", "system/*.rs",
						"client_id", PEER_CLIENT_ID)) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
				: "{\"error\":\"invalid_client\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(granted ? 200 : 401, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	static synchronized TestIssuer get() {
		if (instance == null) {
			instance = new TestIssuer();
		}
		return instance;
	}

	String jwkSetUri() {
		return "http://localhost:" + jwks.getAddress().getPort() + "/jwks";
	}

	/** Environment variables that make a server trust this issuer. */
	Map<String, String> trustedBy() {
		return Map.of(
				"HULIAN_SECURITY_TRUSTEDISSUERS_0_ISSUER", ISSUER,
				"HULIAN_SECURITY_TRUSTEDISSUERS_0_JWKSETURI", jwkSetUri());
	}

	/** An administrator's token with every scope: what most tests call the server with. */
	synchronized String admin() {
		if (adminToken == null) {
			adminToken = token(Map.of("hulian_role", "administrator", "scope", "system/*.cruds"));
		}
		return adminToken;
	}

	/** A token of this issuer with {@code claims} on top of iss, sub, iat and exp (valid for an hour). */
	String token(Map<String, Object> claims) {
		return sign(key, ISSUER, claims, Duration.ofHours(1));
	}

	/** A token that expired a minute ago. */
	String expired(Map<String, Object> claims) {
		return sign(key, ISSUER, claims, Duration.ofMinutes(-1));
	}

	/** A token naming this issuer but signed with another key. */
	String forged(Map<String, Object> claims) {
		return sign(newKey(), ISSUER, claims, Duration.ofHours(1));
	}

	/** A well-signed token from an issuer the server does not trust. */
	String fromUntrustedIssuer(Map<String, Object> claims) {
		return sign(key, "https://idp.elsewhere.example/realms/other", claims, Duration.ofHours(1));
	}

	private static String sign(RSAKey signingKey, String issuer, Map<String, Object> claims, Duration validFor) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
				.issuer(issuer)
				.subject("test-" + UUID.randomUUID())
				.issueTime(Date.from(now.minusSeconds(120)))
				.expirationTime(Date.from(now.plus(validFor)))
				.jwtID(UUID.randomUUID().toString());
		claims.forEach(builder::claim);
		SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
				builder.build());
		try {
			token.sign(new RSASSASigner(signingKey));
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return token.serialize();
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}
}
