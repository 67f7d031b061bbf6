package org.accord.app.production;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A stand-in identity provider for trying the production mode without one: makes an RSA key pair (the public half is
 * what Accord verifies tokens with) and signs tokens with the private half. A real trust points Accord at its own
 * identity provider instead (ACCORD_JWT_ISSUER_URI or ACCORD_JWT_JWK_SET_URI) and never uses this.
 * <pre>
 *   keys DIR                                   make DIR/private.pem and DIR/public.pem unless they exist
 *   token DIR PERSON TRUST [ROLE…] [--hours N] print a token signed with DIR/private.pem (default 8 hours)
 * </pre>
 */
public final class DevTokens {

    private DevTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("keys")) {
            keys(Path.of(args[1]));
        } else if (args.length >= 4 && args[0].equals("token")) {
            List<String> rest = Arrays.asList(args).subList(4, args.length);
            long hours = 8;
            int flag = rest.indexOf("--hours");
            if (flag >= 0) {
                if (flag + 1 >= rest.size()) {
                    fail("--hours needs a number");
                }
                hours = Long.parseLong(rest.get(flag + 1));
                rest = List.copyOf(rest.subList(0, flag));
            }
            System.out.println(token(Path.of(args[1]), args[2], args[3], rest, Duration.ofHours(hours)));
        } else {
            fail("usage: keys DIR | token DIR PERSON_ID TRUST_ID [ROLE...] [--hours N]");
        }
    }

    static void keys(Path dir) throws Exception {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            System.out.println("keys already in " + dir + "; kept");
            return;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's own protection applies
        }
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        System.out.println("made " + privatePem + " and " + publicPem);
    }

    static String token(Path dir, String personId, String trustId, List<String> roles, Duration valid)
            throws Exception {
        Path privatePem = dir.resolve("private.pem");
        if (!Files.exists(privatePem)) {
            fail(privatePem + " does not exist: run 'keys " + dir + "' first");
        }
        String body = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject(personId)
                .claim("trust_id", trustId)
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(valid)));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void fail(String message) throws IOException {
        System.err.println(message);
        System.exit(2);
    }
}
