package org.accord.app.notification;

import static org.accord.app.support.AccordOnAFolder.port;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.accord.app.support.AccordOnAFolder;
import org.accord.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/**
 * Notification e-mail against a real SMTP server (GreenMail) started by the test, across restarts of Accord on the
 * same data folder and a rebuild of its read models: each notification is mailed at most once, ever.
 */
class NotificationMailTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final String MEMBER1 = "demo-person-member1";
    private static final String ADDRESS = "sophie@riverside.example";
    private static final String EXEC = "demo-person-exec";
    private static final String EXEC_ADDRESS = "morgan@trust.example";
    private static final String PASSPORT = "demo-standard-send-passport";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return AccordOnAFolder.start(data,
                "--accord.notifications.mail.enabled=true",
                "--accord.notifications.mail.host=127.0.0.1",
                "--accord.notifications.mail.port=" + SMTP.getSmtp().getPort(),
                "--accord.notifications.mail.from=accord@trust.example",
                "--accord.notifications.mail.interval=200ms",
                "--accord.notifications.due-check-interval=300ms");
    }

    @Test
    void eachNotificationIsMailedOnceAndNeverAgainAfterRestartsAndARebuild() throws Exception {
        String first;
        Instant closesAt;
        LocalDate nextReview = LocalDate.now(ZoneOffset.UTC).plusDays(10);
        String reviewDue = "review_due:" + PASSPORT + ":" + nextReview + ":" + EXEC;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(Http.graphql(port(app), "member1", "mutation { setEmailAddress(input: {personId: \""
                    + MEMBER1 + "\", email: \"" + ADDRESS + "\"}) { person { id } } }")).doesNotContain("errors");
            // the reminder falls due 48 hours before the deadline: a few seconds from now, once Accord is down
            closesAt = Instant.now().plus(Duration.ofHours(48)).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
            first = openVote(port(app), "Mailed reading list", closesAt);
            MimeMessage mail = awaitMail("vote_opened:" + first + ":" + MEMBER1);
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(ADDRESS);
            assertThat(mail.getSubject()).contains("Mailed reading list");
            assertThat(String.valueOf(mail.getContent())).contains("board/inbox.html");
            // nobody without an address is mailed: member2 was told too, in Accord only
            assertThat(Http.graphql(port(app), "member2", "{ inbox(first: 5) { edges { node { subjectId } } } }"))
                    .contains(first);
            // a review date falling due: the passport guidance reaffirmed until ten days from now, which is inside
            // the review window, so the next check records it and the executive, with an address now, is mailed
            assertThat(Http.graphql(port(app), "exec", "mutation { setEmailAddress(input: {personId: \""
                    + EXEC + "\", email: \"" + EXEC_ADDRESS + "\"}) { person { id } } }")).doesNotContain("errors");
            assertThat(Http.graphql(port(app), "exec", "mutation { reaffirmStandard(input: {standardId: \""
                    + PASSPORT + "\", rationale: \"Kept for one more term\", nextReviewBy: \"" + nextReview
                    + "\"}) { review { outcome } } }")).contains("REAFFIRMED");
            MimeMessage due = awaitMail(reviewDue);
            assertThat(due.getAllRecipients()).extracting(Object::toString).containsExactly(EXEC_ADDRESS);
            assertThat(due.getSubject()).contains("due for review");
        }
        // down while the reminder, 48 hours before the deadline, fell due
        while (Instant.now().isBefore(closesAt.minus(Duration.ofHours(48)).plusSeconds(1))) {
            Thread.sleep(200);
        }
        try (ConfigurableApplicationContext app = start()) {
            awaitMail("vote_closing_soon:" + first + ":" + MEMBER1);
            assertThat(Http.graphql(port(app), "member1", "{ inbox(first: 5) { edges { node { kind subjectId } } } }"))
                    .contains("VOTE_CLOSING_SOON");
            assertThat(Http.graphql(port(app), "member1", "mutation { markNotificationsRead(input: {notificationIds:"
                    + " [\"vote_opened:" + first + ":" + MEMBER1 + "\"]}) { unreadCount } }"))
                    .doesNotContain("errors");
        }
        // the read models of an earlier shape: rebuilt from the events at the next start, every notification anew
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:"
                + AccordOnAFolder.dataFolder(data).resolve("readmodels.db"));
             Statement statement = db.createStatement()) {
            statement.execute("PRAGMA user_version = 1");
        }
        try (ConfigurableApplicationContext app = start()) {
            String second = openVote(port(app), "Mailed after the rebuild", null);
            awaitMail("vote_opened:" + second + ":" + MEMBER1);
            Thread.sleep(1500); // several more rounds of the delivery, to give a second copy every chance
            // the read mark outlived the rebuild: it is not in the read models
            String inbox = Http.graphql(port(app), "member1", "{ inbox(first: 10) { edges { node { id read } } } }");
            assertThat(inbox).contains("{\"id\":\"vote_opened:" + first + ":" + MEMBER1 + "\",\"read\":true}");
            // the dues are in the events, rebuilt once each, not recorded again by the checks after the restarts
            String execInbox = Http.graphql(port(app), "exec", "{ inbox(first: 100) { edges { node { id } } } }");
            assertThat(occurrences(execInbox, reviewDue)).isEqualTo(1);
            assertThat(occurrences(execInbox, "review_due:" + PASSPORT + ":")).as(execInbox).isEqualTo(2);
            String headInbox = Http.graphql(port(app), "head-meadowbank",
                    "{ inbox(first: 100) { edges { node { id } } } }");
            assertThat(occurrences(headInbox, "attestation_due:demo-school-meadowbank:"))
                    .as(headInbox).isEqualTo(1);
        }
        List<String> mailed = notificationIds();
        assertThat(mailed).doesNotHaveDuplicates();
        assertThat(mailed).contains("vote_opened:" + first + ":" + MEMBER1, "vote_closing_soon:" + first + ":" + MEMBER1,
                reviewDue);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).flatMap(m -> recipients(m).stream()))
                .containsOnly(ADDRESS, EXEC_ADDRESS);
    }

    private static String openVote(int port, String title, Instant closesAt) throws Exception {
        String drafted = Http.graphql(port, "chair", "mutation { draftProposal(input: {teamId: \"demo-team-english\","
                + " kind: NEW_STANDARD, title: \"" + title + "\", area: CURRICULUM, alignment: GUIDANCE,"
                + " statement: \"Read together\"}) { proposal { id } } }");
        Matcher id = ID.matcher(drafted);
        assertThat(id.find()).as(drafted).isTrue();
        String opened = Http.graphql(port, "chair", "mutation { openVoting(input: {proposalId: \"" + id.group(1)
                + "\"" + (closesAt == null ? "" : ", closesAt: \"" + closesAt + "\"")
                + "}) { proposal { status } } }");
        assertThat(opened).contains("VOTING");
        return id.group(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote("\"" + part), -1).length - 1;
    }

    private static MimeMessage awaitMail(String notificationId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (notificationId.equals(m.getHeader("X-Accord-Notification", null))) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail for " + notificationId + "; received " + notificationIds());
    }

    private static List<String> notificationIds() {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
                ids.add(m.getHeader("X-Accord-Notification", null));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    private static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
