package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 1 of issue 17, end to end: an insider alters a signed event, re-links the chain, deletes the checkpoint
 * rows and starts Accord again on the same data folder beside the same witness file. Accord says so loudly (not
 * intact, an ERROR line, decisionLog health), signs nothing for the trust, not even for an export, keeps serving,
 * and resumes signing only after an operator's acknowledgement, which is itself witnessed.
 */
@ExtendWith(OutputCaptureExtension.class)
class WitnessedRestartTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void aForgedChainWithItsCheckpointRowsDeletedIsReportedLoudlyAndNotSignedUntilAnOperatorAcknowledges(
            CapturedOutput output) throws Exception {
        Path witness = folder.resolve("witness.log");
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            assertThat(get(port, "board", "/decision-log/export?trustId=demo-trust").statusCode()).isEqualTo(200);
            assertThat(Http.graphql(port, "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"After The Checkpoint\", phase: PRIMARY}) { school { id } } }")).contains("\"id\"");
        }
        List<String> witnessed = Files.readAllLines(witness);
        assertThat(witnessed).as("the export's checkpoint, then the stop's of each trust: the school registered after"
                + " the export is covered too").hasSize(3);
        assertThat(witnessed.get(2)).contains("\"trustId\":\"demo-trust\"").contains("\"position\":"
                + (Long.parseLong(witnessed.get(0).replaceAll(".*\"position\":(\\d+).*", "$1")) + 1));

        forge();

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            HttpResponse<String> health = awaitTampered(port);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"TAMPERED\"").contains("demo-trust").contains("ALTERED");
            assertThat(get(port, null, "/actuator/health/readiness").statusCode()).as("still ready: evidence readable")
                    .isEqualTo(200);
            assertThat(output.getAll()).containsPattern(
                    "ERROR .*Decision log of trust 'demo-trust' is not intact: ALTERED at position 1");
            assertThat(Http.graphql(port, "board", "{ verifyDecisionLog(trustId: \"demo-trust\") { intact"
                    + " firstProblem { kind position } } }")).contains("\"intact\":false").contains("ALTERED");

            // an export signed its head before: now it must not
            assertThat(get(port, "board", "/decision-log/export?trustId=demo-trust").statusCode()).isEqualTo(200);
            assertThat(checkpointRows(second)).as("nothing signed for the forged head").isZero();
            assertThat(Files.readAllLines(witness)).isEqualTo(witnessed);

            assertThat(acknowledge(port, "board", "tidying").statusCode()).isEqualTo(403);
            assertThat(Files.readAllLines(witness)).isEqualTo(witnessed);
            HttpResponse<String> ack = acknowledge(port, "operator", "forgery found; kept as evidence, ticket 17");
            assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
            assertThat(Files.readAllLines(witness)).last().asString().contains("\"type\":\"acknowledgement\"")
                    .contains("\"operator\":\"operator\"").contains("ticket 17");
            assertThat(output.getAll()).contains("acknowledged by 'operator'");
            assertThat(get(port, "operator", "/actuator/health").body()).contains("\"status\":\"UP\"")
                    .contains("acknowledgedBy");

            assertThat(Http.graphql(port, "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"After The Acknowledgement\", phase: PRIMARY}) { school { id } } }")).contains("\"id\"");
            long before = checkpointRows(second);
            assertThat(get(port, "board", "/decision-log/export?trustId=demo-trust").statusCode()).isEqualTo(200);
            assertThat(checkpointRows(second)).as("signing resumed from the acknowledged head").isEqualTo(before + 1);
        }
    }

    @Test
    void aTailReLinkedWhileAccordWasStoppedMeetsTheCheckpointSignedAtTheStop(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(Http.graphql(port(first), "exec", "mutation { registerSchool(input: {trustId: \"demo-trust\","
                    + " name: \"The Last School\", phase: PRIMARY}) { school { id } } }")).contains("\"id\"");
        } // no export, no checkpoint due: only the stop signs the last school
        AccordOnAFolder.editTheStore(folder, sql -> {
            long head = sql.queryForObject("SELECT position FROM chain_head WHERE trust_id = 'demo-trust'", Long.class);
            sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), 'The Last School',"
                    + " 'A Forged School') AS BLOB) WHERE eventIdentifier = ?",
                    ChainedSqliteStore.eventAt(sql, "demo-trust", head));
            ChainedSqliteStore.relinkAsAnInsider(sql, "demo-trust");
            sql.update("DELETE FROM chain_checkpoint WHERE position = ?", head);
        });

        try (ConfigurableApplicationContext second = start()) {
            HttpResponse<String> health = awaitTampered(port(second));
            assertThat(health.body()).contains("\"status\":\"TAMPERED\"").contains("demo-trust");
            assertThat(output.getAll()).containsPattern("ERROR .*Decision log of trust 'demo-trust' is not intact");
            assertThat(Http.graphql(port(second), "board", "{ verifyDecisionLog(trustId: \"demo-trust\") { intact } }"))
                    .contains("\"intact\":false");
        }
    }

    /** The insider's work, with Accord stopped: alter the 12th event, re-link the chain and head, drop checkpoints. */
    private void forge() {
        AccordOnAFolder.editTheStore(folder, sql -> {
            String trust = "demo-trust";
            sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), '\"trustId\"',"
                    + " '\"forged\":true,\"trustId\"') AS BLOB) WHERE eventIdentifier = ?",
                    ChainedSqliteStore.eventAt(sql, trust, 12));
            ChainedSqliteStore.relinkAsAnInsider(sql, trust);
            sql.update("DELETE FROM chain_checkpoint");
        });
    }

    private ConfigurableApplicationContext start() {
        return AccordOnAFolder.start(folder);
    }

    private static long checkpointRows(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM chain_checkpoint WHERE"
                + " trust_id = 'demo-trust'", Long.class);
    }

    private static HttpResponse<String> awaitTampered(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        HttpResponse<String> health;
        do {
            health = get(port, "operator", "/actuator/health");
            if (health.body().contains("TAMPERED")) {
                return health;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return health;
    }

    private static HttpResponse<String> acknowledge(int port, String account, String reason) throws Exception {
        return HTTP.send(request(port, account, "/actuator/ledger").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"trustId\":\"demo-trust\",\"reason\":\"" + reason + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String account, String path) throws Exception {
        return HTTP.send(request(port, account, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String account, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (account != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":demo")
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static int port(ConfigurableApplicationContext context) {
        return AccordOnAFolder.port(context);
    }
}
