package org.accord.app.boardpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.accord.app.ledger.CheckpointSigning;
import org.accord.app.ledger.CheckpointText;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.support.AccordHttpTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class BoardPackHttpTest extends AccordHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aBoardMemberDownloadsThePackAsAPdfWithTheDemoDecisionsTheirVotesAndDissent() throws Exception {
        HttpResponse<byte[]> response = get("board", "/board-pack.pdf?trustId=demo-trust");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("board-pack-demo-trust");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            keepForReview(response.body(), pdf);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).containsSubsequence("Board pack: Northfield Learning Trust", "1. Decisions",
                    "TrustRegistered", "VotingClosed", "DISSENT OBJECT by", "2. Variations granted",
                    "ExceptionApproved");
        }
    }

    @Test
    void theDemoPackOpensWithASummaryOfDissentTheExceptionsInForceAndWhatIsOverdueNamingTheSchools() throws Exception {
        HttpResponse<byte[]> response = get("board", "/board-pack.pdf?trustId=demo-trust");
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).containsSubsequence("Board pack: Northfield Learning Trust", "is intact", "Summary",
                    "Decisions of the period:", "Dissent:", "A common Year 9 assessment calendar", "Objected:",
                    "Exceptions in force on", "Willowbrook", "Overdue on", "Meadowbank Primary Academy",
                    "not yet re-justified against version 2", "1. Decisions");
            assertThat(text).contains("School: Willowbrook", "3. The newest signed checkpoint");
            // the demo's GUIDANCE standard passed its review date with no review recorded
            assertThat(text).contains("Standard 'Pupil passports for pupils with SEND' (version 1): review overdue"
                    + " since");
        }
    }

    @Test
    void theCsvHoldsTheSameRecordsAsTheLog() throws Exception {
        HttpResponse<byte[]> response = get("exec", "/board-pack.csv?trustId=demo-trust&from=2000-01-01");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String csv = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith(String.join(",", BoardPackCsv.HEADER) + "\r\n");
        assertThat(csv).contains(",TrustRegistered,system,Accord,trust,demo-trust,", ",VotingClosed,",
                ",VoteAtClose,demo-person-member1,Sophie Lindqvist,proposal,demo-proposal-y9-calendar,ASSESSMENT,"
                        + "OBJECT (dissent),Our mock examinations fall in those weeks; a fixed window would double the"
                        + " load on Year 9,OBJECT,true");
        assertThat(csv).doesNotContain(",VoteCast,", ",ProposalDrafted,", ",PersonRegistered,");
    }

    @Test
    void aRangeInTheFutureHoldsNoDecisionsButStillTheCheckOfTheWholeRecord() throws Exception {
        HttpResponse<byte[]> response = get("board", "/board-pack.csv?trustId=demo-trust&from=2999-01-01");
        assertThat(response.statusCode()).isEqualTo(200);
        String[] rows = new String(response.body(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(rows[0]).isEqualTo(String.join(",", BoardPackCsv.HEADER));
        assertThat(rows[1]).contains(",RecordIntegrity,system,Accord,trust,demo-trust,,", "is intact: all ");
    }

    @Test
    void thePackSaysTheRecordIsIntactAndPrintsTheNewestSignedCheckpoint() throws Exception {
        // an export signs the head it exports: the pack then has a checkpoint at that position, at least
        assertThat(get("board", "/decision-log/export?trustId=demo-trust").statusCode()).isEqualTo(200);
        long head = jdbc.queryForObject("SELECT position FROM chain_head WHERE trust_id = 'demo-trust'", Long.class);
        HttpResponse<byte[]> response = get("board", "/board-pack.pdf?trustId=demo-trust");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            String page = new PDFTextStripper().getText(pdf);
            String text = page.replaceAll("\\s+", " ");
            assertThat(text).containsSubsequence("the decision log of Northfield Learning Trust is intact: all ",
                    "1. Decisions", "2. Variations granted", "ExceptionApproved", "School: Willowbrook Primary School",
                    "3. The newest signed checkpoint", "Trust: demo-trust", "Events covered (tree size): ",
                    "Merkle root (SHA-256): ", "Signed checkpoint (keep it as a text file;");
            long printed = Long.parseLong(text.replaceAll(".*Events covered \\(tree size\\): (\\d+).*", "$1"));
            assertThat(printed).isPositive().isLessThanOrEqualTo(head);
            // the note as a board copies it out of the PDF opens with the published key: it can be kept and checked
            String key = new String(get(null, "/.well-known/accord-ledger-key.pem").body(), StandardCharsets.UTF_8);
            String kept = page.substring(page.indexOf("Signed checkpoint (keep it"));
            kept = kept.substring(0, kept.indexOf("\n", kept.indexOf("\u2014 accord.example/demo-trust") + 30) + 1);
            assertThat(CheckpointSigning.open("demo-trust", CheckpointText.noteIn(kept),
                    LedgerKeys.publicKey(key)).position()).isEqualTo(printed);
        }
    }

    @Test
    void anOutsiderIsToldTheTrustDoesNotExist() throws Exception {
        for (String path : new String[] {"/board-pack.pdf?trustId=demo-trust", "/board-pack.csv?trustId=demo-trust",
                "/board-pack.csv?trustId=no-such-trust"}) {
            HttpResponse<byte[]> response = get("outsider", path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("unknown trust '");
        }
    }

    @Test
    void withoutCredentialsThePackIsRefused() throws Exception {
        HttpResponse<byte[]> response = get(null, "/board-pack.pdf?trustId=demo-trust");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void badDatesAndAMissingTrustAreBadRequestsThatSayWhy() throws Exception {
        assertThat(text(get("board", "/board-pack.csv?trustId=demo-trust&from=yesterday")))
                .isEqualTo("400 from must be an ISO date such as 2027-09-01, not 'yesterday'");
        assertThat(text(get("board", "/board-pack.csv?trustId=demo-trust&from=2027-02-01&to=2027-01-01")))
                .isEqualTo("400 from (2027-02-01) is after to (2027-01-01)");
        assertThat(text(get("board", "/board-pack.pdf"))).isEqualTo("400 trustId is required");
    }

    /** The demo's pack and a picture of its first page, under target/ for a person to read. */
    private static void keepForReview(byte[] bytes, PDDocument pdf) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve("board-pack-demo.pdf"), bytes);
        ImageIO.write(new PDFRenderer(pdf).renderImageWithDPI(0, 80), "png", folder.resolve("board-pack-page-1.png").toFile());
    }

    private static String text(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String account, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (account != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((account + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
