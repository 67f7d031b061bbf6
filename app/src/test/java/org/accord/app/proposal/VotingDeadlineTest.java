package org.accord.app.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Voting closes by itself at its deadline, also when the application was down at that moment. */
class VotingDeadlineTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    @TempDir
    Path data;

    @Test
    void votingClosesByItselfAtTheDeadline() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            Instant closesAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
            String id = openWithDeadline(port(app), closesAt);
            vote(port(app), id, "member1");
            vote(port(app), id, "member2");
            String answer = awaitClosed(port(app), id, Duration.ofSeconds(20));
            assertThat(answer).contains("\"status\":\"RATIFIED\"").contains("\"closedAt\":\"" + closesAt + "\"");
        }
    }

    @Test
    void aDeadlineThatPassedWhileTheApplicationWasDownClosesAtTheDeadlineOnTheNextStart() throws Exception {
        Instant closesAt;
        String id;
        try (ConfigurableApplicationContext app = start()) {
            closesAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
            id = openWithDeadline(port(app), closesAt);
            vote(port(app), id, "member3");
        }
        // down across the deadline, and then some, so the close could not be mistaken for the restart
        while (Instant.now().isBefore(closesAt.plusSeconds(2))) {
            Thread.sleep(200);
        }
        Instant restartedAt = Instant.now();
        try (ConfigurableApplicationContext app = start()) {
            String answer = awaitClosed(port(app), id, Duration.ofSeconds(20));
            // one voter of four took part: no quorum under the team's rule
            assertThat(answer).contains("\"status\":\"LAPSED\"").contains("\"closedAt\":\"" + closesAt + "\"");
            assertThat(closesAt).isBefore(restartedAt);
        }
    }

    private String openWithDeadline(int port, Instant closesAt) throws Exception {
        String drafted = Http.graphql(port, "chair", "mutation { draftProposal(input: {teamId: \"demo-team-english\","
                + " kind: NEW_STANDARD, title: \"Deadline\", area: CURRICULUM, alignment: GUIDANCE,"
                + " statement: \"Closes by itself\"}) { proposal { id } } }");
        Matcher id = ID.matcher(drafted);
        assertThat(id.find()).as(drafted).isTrue();
        String opened = Http.graphql(port, "chair", "mutation { openVoting(input: {proposalId: \"" + id.group(1)
                + "\", closesAt: \"" + closesAt + "\"}) { proposal { status closesAt } } }");
        assertThat(opened).contains("\"closesAt\":\"" + closesAt + "\"");
        return id.group(1);
    }

    private static void vote(int port, String proposalId, String account) throws Exception {
        assertThat(Http.graphql(port, account, "mutation { castVote(input: {proposalId: \"" + proposalId
                + "\", choice: APPROVE}) { proposal { id } } }")).doesNotContain("errors");
    }

    private static String awaitClosed(int port, String proposalId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String answer;
        do {
            answer = Http.graphql(port, "board", "{ proposal(id: \"" + proposalId
                    + "\") { status closesAt closedAt outcome } }");
            if (!answer.contains("\"VOTING\"")) {
                return answer;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("voting did not close by itself: " + answer);
    }

    private ConfigurableApplicationContext start() {
        return AccordOnAFolder.start(data);
    }

    private static int port(ConfigurableApplicationContext context) {
        return AccordOnAFolder.port(context);
    }
}
