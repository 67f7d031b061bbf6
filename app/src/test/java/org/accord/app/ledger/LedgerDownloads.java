package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a board downloads from a running Accord (an export, the published key, a decision's proof, a consistency
 * proof) and the offline commands it runs on them, as the tests of the verifiable log use them.
 */
final class LedgerDownloads {

    private final int port;
    private final Path files;

    LedgerDownloads(int port, Path files) {
        this.port = port;
        this.files = files;
    }

    Path export(String account) throws Exception {
        byte[] body = web().get().uri("/decision-log/export?trustId=demo-trust")
                .headers(h -> h.setBasicAuth(account, "demo")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*decision-log-demo-trust.*")
                .expectBody().returnResult().getResponseBody();
        return write("export-", body);
    }

    Path publishedKey() throws Exception {
        String pem = web().get().uri("/.well-known/accord-ledger-key.pem").exchange()
                .expectStatus().isEqualTo(HttpStatus.OK)
                .expectBody(String.class).returnResult().getResponseBody();
        Path file = files.resolve("accord-ledger-key.pem");
        Files.writeString(file, pem);
        return file;
    }

    /** GET of a JSON document under the account, expecting this status; the body, written to a file. */
    Path get(String uri, String account, HttpStatus expected) throws Exception {
        byte[] body = web().get().uri(uri).headers(h -> h.setBasicAuth(account, "demo")).exchange()
                .expectStatus().isEqualTo(expected).expectBody().returnResult().getResponseBody();
        return write("download-", body == null ? new byte[0] : body);
    }

    private Path write(String prefix, byte[] body) throws Exception {
        Path file = Files.createTempFile(files, prefix, ".json");
        Files.write(file, body);
        return file;
    }

    /** Runs the documented command's code, as {@code java -jar accord.jar verify-export …} does. */
    static String offline(int expectedExitCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(expectedExitCode);
        return printed;
    }

    /** As {@code java -jar accord.jar verify-decision DECISION.json KEY.pem} does. */
    static String decision(int expectedExitCode, Path proof, Path key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DecisionProof.run(new String[] {proof.toString(), key.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(expectedExitCode);
        return printed;
    }

    WebTestClient web() {
        // an export holds the whole log, which the other tests of a shared context keep growing
        return WebTestClient.bindToServer(new JdkClientHttpConnector()).baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }
}
