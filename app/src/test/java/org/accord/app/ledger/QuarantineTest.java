package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.app.operations.ReadModelRebuild;
import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Findings of issue 17, "forged events are acted on", end to end: with Accord stopped, an insider flips a vote of the
 * demo's rejected Year 9 calendar proposal from OBJECT to APPROVE and copies another vote as a new row (a new event id
 * and sequence number, so it stands after the close). Started again, and its read models rebuilt, Accord projects
 * neither: the register lists the votes as cast, the proposal shows no forged APPROVE beside its tally, and each
 * forgery is reported (an ERROR line, the decisionLog health details, decisionLogAlert, the board pack).
 */
@ExtendWith(OutputCaptureExtension.class)
class QuarantineTest {

    private static final String CALENDAR = "demo-proposal-y9-calendar";
    private static final String DUPLICATE = "forged-duplicate-vote";
    private static final String VOTES_IN_THE_REGISTER = "{ decisionLog(trustId: \"demo-trust\", filter: {types:"
            + " [\"VoteCast\"], subjectId: \"" + CALENDAR + "\"}, first: 50) { edges { node { id position } } } }";
    private static final String PROPOSAL = "{ proposal(id: \"" + CALENDAR + "\") { votes { voter { id } choice }"
            + " voteHistory { voter { id } choice } tally { approve object abstain } } }";

    @TempDir
    Path folder;

    @Test
    void aFlippedVoteAndACopiedVoteRowAreNotProjectedAndAreReportedLoudly(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext first = AccordOnAFolder.start(folder)) {
            int port = AccordOnAFolder.port(first);
            assertThat(ids(Http.graphql(port, "board", VOTES_IN_THE_REGISTER))).as("the demo's four votes").hasSize(4);
            assertThat(Http.graphql(port, "board", PROPOSAL)).contains("\"tally\":{\"approve\":1,\"object\":2");
        }

        AtomicReference<String> flipped = new AtomicReference<>();
        AccordOnAFolder.editTheStore(folder, sql -> {
            flipped.set(vote(sql, "demo-person-member1"));
            sql.update("UPDATE DomainEventEntry SET payload = CAST(replace(CAST(payload AS TEXT), '\"OBJECT\"',"
                    + " '\"APPROVE\"') AS BLOB) WHERE eventIdentifier = ?", flipped.get());
            sql.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                    + " metaData, payload, payloadType, timeStamp) SELECT aggregateIdentifier, (SELECT max(sequenceNumber)"
                    + " + 1 FROM DomainEventEntry WHERE aggregateIdentifier = ?), type, ?, metaData, payload,"
                    + " payloadType, timeStamp FROM DomainEventEntry WHERE eventIdentifier = ?", CALENDAR, DUPLICATE,
                    vote(sql, "demo-person-member3"));
        });

        try (ConfigurableApplicationContext second = AccordOnAFolder.start(folder)) {
            int port = AccordOnAFolder.port(second);
            // the copy is new to the projections: they meet it live, as they resume
            assertThat(ids(Http.graphql(port, "board", VOTES_IN_THE_REGISTER))).as("no vote after the close")
                    .hasSize(4).doesNotContain(DUPLICATE);

            rebuild(second);

            String register = Http.graphql(port, "board", VOTES_IN_THE_REGISTER);
            assertThat(ids(register)).as("the register after a rebuild").hasSize(3)
                    .doesNotContain(DUPLICATE, flipped.get());
            String proposal = Http.graphql(port, "member1", PROPOSAL);
            assertThat(proposal).contains("\"tally\":{\"approve\":1,\"object\":2,\"abstain\":1}")
                    .doesNotContain("{\"voter\":{\"id\":\"demo-person-member1\"},\"choice\":\"APPROVE\"}");
            assertThat(count(proposal.substring(0, proposal.indexOf("voteHistory")), "\"APPROVE\""))
                    .as("approvals shown beside a tally of one approve").isEqualTo(1);

            assertThat(output.getAll()).containsPattern("ERROR .*Decision log of trust 'demo-trust': event "
                    + DUPLICATE + " at position \\d+ quarantined, not projected into the read models: INSERTED")
                    .containsPattern("ERROR .*event " + flipped.get() + " at position \\d+ quarantined.*: ALTERED");
            assertThat(count(output.getAll(), "event " + DUPLICATE + " at position"))
                    .as("logged once, though six projections met it, live and again on the rebuild").isEqualTo(1);

            String health = get(port, "operator", "/actuator/health");
            assertThat(health).contains("\"status\":\"TAMPERED\"", "\"quarantined\":{", "\"count\":2",
                    "\"eventId\":\"" + DUPLICATE + "\"", "\"eventId\":\"" + flipped.get() + "\"");

            String alert = Http.graphql(port, "board", "{ decisionLogAlert(trustId: \"demo-trust\") { signingStopped"
                    + " problems { kind eventId } quarantined { eventId kind reason } } }");
            assertThat(Http.graphql(port, "outsider", "{ decisionLogAlert(trustId: \"demo-trust\") { signingStopped } }"))
                    .as("nothing for another trust").contains("{\"decisionLogAlert\":null}");
            assertThat(get(port, "board", "/board-pack.csv?trustId=demo-trust")).as("the board pack says so")
                    .contains(",RecordIntegrity,", "is NOT intact", "2 events whose links do not verify are held back");
            assertThat(alert).contains("\"signingStopped\":true", "{\"eventId\":\"" + DUPLICATE + "\",\"kind\":"
                    + "\"INSERTED\"", "{\"eventId\":\"" + flipped.get() + "\",\"kind\":\"ALTERED\"");
        }
    }

    /** The event id of a voter's vote on the calendar proposal. */
    private static String vote(org.springframework.jdbc.core.JdbcTemplate sql, String voter) {
        return sql.queryForObject("SELECT eventIdentifier FROM DomainEventEntry WHERE payloadType ="
                + " 'org.accord.api.proposal.VoteCastEvent' AND CAST(payload AS TEXT) LIKE ? AND CAST(payload AS TEXT)"
                + " LIKE ?", String.class, "%" + CALENDAR + "%", "%\"" + voter + "\"%");
    }

    private static void rebuild(ConfigurableApplicationContext context) throws InterruptedException {
        ReadModelRebuild rebuild = context.getBean(ReadModelRebuild.class);
        rebuild.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!rebuild.current().state().equals("DONE")) {
            assertThat(rebuild.current().state()).isNotEqualTo("FAILED");
            assertThat(System.nanoTime()).as("the rebuild finishes within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static java.util.List<String> ids(String answer) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(answer);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String get(int port, String account, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":demo")
                        .getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
