package org.accord.app.boardpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.accord.app.support.AccordHttpTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The board pack's summary counts the attestations overdue and challenged, naming the schools and the actions. */
class BoardPackComplianceHttpTest extends AccordHttpTest {

    @Test
    void theDemoPackSummarisesOverdueAndChallengedAttestations() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/board-pack.pdf?trustId=demo-trust")).GET()
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("board:demo".getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            // the extracted text of the standard fonts shows a straight quote as ’ on some pages and ' on others,
            // depending on which font object PDFBox drew the page with: the words are what is checked
            // and the shared demo app holds what other tests added (schools, attestations), so a line may run across
            // a page: the page's number printed at its foot is taken out, as a reader skips it
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ").replace('\u2019', '\'')
                    .replaceAll(" Page \\d+ ", " ");
            assertThat(text).containsSubsequence("Summary", "Attestations on", "overdue,",
                    "challenged by quality assurance:",
                    "Meadowbank Primary Academy: 'The single central record is checked each term' (version 1):"
                            + " attestation overdue (termly; the last period passed without one)",
                    "Meadowbank Primary Academy: 'Safeguarding concerns are logged the same day' (version 1):"
                            + " attestation challenged on", "Train the two new members of staff in same-day logging",
                    "1. Decisions");
        }
    }
}
