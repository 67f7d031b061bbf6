package org.accord.app.boardpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.accord.api.audit.DecisionRecordView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class BoardPackPdfTest {

    @Test
    void thePdfIsAValidPdfWithTheDecisionsInOrderTheirVotesDissentAndTheVariationsGranted() throws IOException {
        byte[] pdf = BoardPackPdf.render(BoardPackFixture.pack());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(document.getDocumentInformation().getTitle()).contains("Northfield Learning Trust");
            assertThat(text).containsSubsequence("Board pack: Northfield Learning Trust", "2027-01-01 to 2027-12-31",
                    "1. Decisions", "#10", "Proposal 'Year 9 calendar' REJECTED", "APPROVE by Sophie Lindqvist",
                    "DISSENT OBJECT by Tom Okafor: Clashes with mocks", "DISSENT OBJECT by p-3",
                    "RECUSED by Ada Brown: Married to the author", "#11", "Exception from 'Safer recruitment' approved",
                    "By Priya Shah", "2. Variations granted", "Exception from 'Safer recruitment' approved");
        }
    }

    @Test
    void aLongPackRunsOverPagesAndTextTheStandardFontsCannotShowIsReplacedNotRefused() throws IOException {
        List<BoardPack.Entry> entries = new ArrayList<>();
        Instant at = Instant.parse("2027-01-01T09:00:00Z");
        for (int i = 1; i <= 120; i++) {
            entries.add(new BoardPack.Entry(new DecisionRecordView("r" + i, "t", i, "VoteCast", at, at, "p", "proposal",
                    "p-1", null, "Vote APPROVE cast on proposal 'Reading → writing ✓' number " + i,
                    "A rationale long enough to wrap across the width of the page at least once, so that wrapping "
                            + "is exercised in every entry of this long pack: " + "word ".repeat(30)),
                    "Zoë", List.of()));
        }
        byte[] pdf = BoardPackPdf.render(new BoardPack("t", "Trust", null, LocalDate.parse("2027-01-31"), at,
                entries));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(5);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("the first record to 2027-01-31", "'Reading -> writing ?' number 120", "By Zoë",
                    "No variations were granted in this period.");
        }
    }
}
