package cn.hulian.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs the embedded token endpoint's tokens with an RSA key made at start: tokens do not survive a restart, and no
 * key is ever stored or shipped.
 */
public final class EmbeddedTokenIssuer {

	private final String issuer;
	private final RSAKey key;
	private final Clock clock;

	EmbeddedTokenIssuer(String issuer, Clock clock) {
		this.issuer = issuer;
		this.clock = clock;
		this.key = newKey();
	}

	String issuer() {
		return issuer;
	}

	RSAPublicKey publicKey() {
		try {
			return key.toRSAPublicKey();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The public key as a JWK Set, so that other servers can trust this one's tokens. */
	JWKSet publicKeys() {
		return new JWKSet(key.toPublicJWK());
	}

	/** A signed access token for {@code client} with {@code scopes}, valid for {@code lifetime}. */
	String sign(SecurityProperties.DemoClient client, String scopes, java.time.Duration lifetime,
			SecurityProperties.Claims claimNames, String audience) {
		Instant now = clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
				.issuer(issuer)
				.subject(client.id())
				.claim("client_id", client.id())
				.claim("scope", scopes)
				.claim(claimNames.role(), client.role())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(lifetime)))
				.jwtID(UUID.randomUUID().toString());
		if (!client.institution().isEmpty()) {
			claims.claim(claimNames.institution(), client.institution());
		}
		if (!client.fhirUser().isEmpty()) {
			claims.claim(claimNames.fhirUser(), client.fhirUser());
		}
		if (!audience.isEmpty()) {
			claims.audience(audience);
		}
		SignedJWT token = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
		try {
			token.sign(new RSASSASigner(key));
		} catch (JOSEException e) {
			throw new IllegalStateException("Could not sign a token", e);
		}
		return token.serialize();
	}

	private static RSAKey newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			var pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
					.privateKey((RSAPrivateKey) pair.getPrivate())
					.keyUse(KeyUse.SIGNATURE)
					.keyID(UUID.randomUUID().toString())
					.build();
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
