package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The stand-in issuer that docker-compose.yml uses when no identity provider is configured. */
class DevTokensTest {

    @TempDir
    Path dir;

    @Test
    void itsTokensVerifyWithItsPublicKeyAndCarryTheClaimsAccordReads() throws Exception {
        DevTokens.keys(dir);
        String token = DevTokens.token(dir, "exec-1", "trust-1", List.of("ACCORD_OPERATOR"), Duration.ofHours(1));
        RSAPublicKey key;
        try (var in = Files.newInputStream(dir.resolve("public.pem"))) {
            key = RsaKeyConverters.x509().convert(in);
        }
        Jwt jwt = NimbusJwtDecoder.withPublicKey(key).build().decode(token);
        assertThat(jwt.getSubject()).isEqualTo("exec-1");
        assertThat(jwt.getClaimAsString("trust_id")).isEqualTo("trust-1");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("ACCORD_OPERATOR");
        assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
    }

    @Test
    void existingKeysAreKept() throws Exception {
        DevTokens.keys(dir);
        String first = Files.readString(dir.resolve("public.pem"));
        DevTokens.keys(dir);
        assertThat(Files.readString(dir.resolve("public.pem"))).isEqualTo(first);
    }
}
