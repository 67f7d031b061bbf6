package org.accord.app.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An identity provider for tests: an RSA key pair made at test time (never committed), its public key written as
 * PEM where Accord's {@code accord.security.jwt.public-key-location} reads it, and signed tokens on demand.
 */
public final class TestTokens {

    public static final String OPERATOR = "ACCORD_OPERATOR";

    private final KeyPair keys;
    private final Path publicKeyPem;

    private TestTokens(KeyPair keys, Path publicKeyPem) {
        this.keys = keys;
        this.publicKeyPem = publicKeyPem;
    }

    public static TestTokens generate() {
        KeyPair keys = rsa();
        try {
            Path pem = Files.createTempFile("accord-jwt-", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return new TestTokens(keys, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file:…} of the public key, for accord.security.jwt.public-key-location. */
    public String publicKeyLocation() {
        return "file:" + publicKeyPem.toAbsolutePath();
    }

    /** A token for a person of a trust, valid for ten minutes, with these sign-in roles. */
    public String token(String personId, String trustId, String... roles) {
        return sign(keys, claims(personId, trustId, Instant.now().plus(Duration.ofMinutes(10)), roles));
    }

    /** A token that expired an hour ago (beyond any clock skew). */
    public String expired(String personId, String trustId) {
        return sign(keys, claims(personId, trustId, Instant.now().minus(Duration.ofHours(1))));
    }

    /** A well-formed token signed with a key Accord does not know. */
    public String signedByAnotherKey(String personId, String trustId) {
        return sign(rsa(), claims(personId, trustId, Instant.now().plus(Duration.ofMinutes(10))));
    }

    /** A token with exactly these claims (no expiry unless given). */
    public String withClaims(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        return sign(keys, builder.build());
    }

    private static JWTClaimsSet claims(String personId, String trustId, Instant expiresAt, String... roles) {
        return new JWTClaimsSet.Builder()
                .subject(personId)
                .claim("trust_id", trustId)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
