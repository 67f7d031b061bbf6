package org.accord.app.boardpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.accord.api.audit.DecisionRecordView;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.CheckpointSigning;
import org.accord.app.ledger.CheckpointText;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.ledger.merkle.LogOrigin;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void thePackOpensWithWhatACheckOfTheRecordFoundAndEndsWithTheNewestSignedCheckpointAsText() throws IOException {
        String text = flat(BoardPackPdf.render(BoardPackFixture.pack()));
        assertThat(text).containsSubsequence("Board pack: Northfield Learning Trust",
                "the decision log of Northfield Learning Trust is intact: all 64 of its events", "1. Decisions",
                "Exception from 'Safer recruitment' approved", "School: Willowbrook Primary School",
                "2. Variations granted", "School: Willowbrook Primary School", "3. The newest signed checkpoint",
                "Position (events covered): 64", "Head hash (SHA-256): " + "ab".repeat(32), "Key id: 0123456789abcdef",
                "Signature (Ed25519, Base64):", BoardPackFixture.CHECKPOINT.signature(), "accord-checkpoint-v1", "t",
                "64", "ab".repeat(32), "2027-03-01T18:30:00Z");
    }

    @Test
    void thePackSumsUpThePeriodFirstItsDecisionsDissentExceptionsInForceAndOverdueItemsNamingTheSchools()
            throws IOException {
        BoardPack pack = BoardPackFixture.pack();
        BoardPack standing = new BoardPack(pack.trustId(), pack.trustName(), pack.from(), pack.to(),
                pack.generatedAt(), pack.entries(), pack.integrity(), new BoardPack.Standing(
                LocalDate.parse("2027-03-02"),
                List.of("Willowbrook Primary School: 'Safer recruitment' (version 1), expires 2027-08-31"),
                List.of("Oakwood Primary School: 'KS2 history' (version 1): implementation due for review on 2027-02-01")));
        String text = flat(BoardPackPdf.render(standing));
        assertThat(text).containsSubsequence("Board pack: Northfield Learning Trust", "is intact", "Summary",
                "Decisions of the period: 2 in all; 1 vote closed, 0 standard versions adopted",
                "1 variation granted",
                "Dissent: 1 vote closed with objections standing:",
                "#10 Proposal 'Year 9 calendar' REJECTED", "Objected: Tom Okafor (Clashes with mocks); p-3",
                "Exceptions in force on 2027-03-02: 1:",
                "Willowbrook Primary School: 'Safer recruitment' (version 1), expires 2027-08-31",
                "Overdue on 2027-03-02: 1 item:", "Oakwood Primary School: 'KS2 history' (version 1): implementation due",
                "1. Decisions");
    }

    @Test
    void aRecordFoundNotIntactIsSaidFirstWithTheProblemAndTheEventsHeldBack() throws IOException {
        String text = flat(BoardPackPdf.render(BoardPackFixture.with(BoardPackFixture.broken())));
        assertThat(text).containsSubsequence("is NOT intact. Its first 36 events match the"
                + " hashes they were stored with; then: ALTERED at position 37", "2 events whose links do not verify"
                + " are held back from the read models, so this pack leaves them out", "keep this pack: it is"
                + " evidence", "1. Decisions");
    }

    @Test
    void whereNoChainIsKeptThePackSaysSo() throws IOException {
        assertThat(flat(BoardPackPdf.render(BoardPackFixture.with(null))))
                .contains("keeps no verifiable chain of the decision log").doesNotContain("Signature (Ed25519");
    }

    /** The PDF's text with every run of white space (its line breaks included) as one space. */
    private static String flat(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
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
                entries, null));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(5);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("the first record to 2027-01-31", "'Reading -> writing ?' number 120", "By Zoë",
                    "No variations were granted in this period.");
        }
    }

    @Test
    void theSignedNoteIsNeverSplitAcrossPagesSoItsCopyOutOfThePdfVerifies(@TempDir Path folder) throws IOException {
        LedgerKeys keys = LedgerKeys.inFolder(folder);
        Checkpoint checkpoint = CheckpointSigning.sign(new ChainHead("t", 64, "ab".repeat(32)), new byte[32],
                Instant.parse("2027-03-01T18:30:00Z"), keys, LogOrigin.DEFAULT_NAMESPACE);
        BoardPack.Integrity integrity = new BoardPack.Integrity(Instant.parse("2027-03-01T19:00:00Z"), true, 64, null,
                0, CheckpointText.forBoardPack(checkpoint), 64);
        Instant at = Instant.parse("2027-01-01T09:00:00Z");
        // packs of every length over two pages: one of them puts the note where a page would otherwise break
        for (int records = 30; records <= 75; records++) {
            List<BoardPack.Entry> entries = new ArrayList<>();
            for (int i = 1; i <= records; i++) {
                entries.add(new BoardPack.Entry(new DecisionRecordView("r" + i, "t", i, "VoteCast", at, at, "p",
                        "proposal", "p-1", null, "Vote cast number " + i, null), "Zoë", List.of()));
            }
            byte[] pdf = BoardPackPdf.render(new BoardPack("t", "Trust", null, LocalDate.parse("2027-01-31"), at,
                    entries, integrity));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                String kept = text.substring(text.indexOf("Signed checkpoint (keep it"));
                assertThat(CheckpointSigning.open("t", CheckpointText.noteIn(kept), keys.publicKey()))
                        .as("a pack of %d records", records).isEqualTo(checkpoint);
            }
        }
    }
}
