package org.accord.app.boardpack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.audit.DecisionRecordView;
import org.accord.api.standard.Area;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.CheckpointText;

/**
 * A small board pack made by hand: a vote closed with one dissent and one recusal, and an exception approved for a
 * named school; the record checked intact, with a signed checkpoint (or, {@link #broken()}, not intact).
 */
final class BoardPackFixture {

    static final Instant CLOSED = Instant.parse("2027-03-01T17:00:00Z");
    static final Checkpoint CHECKPOINT = new Checkpoint("t", 64, "ab".repeat(32), Instant.parse("2027-03-01T18:30:00Z"),
            "0123456789abcdef", "c2lnbmF0dXJl".repeat(7) + "AAAA");

    private BoardPackFixture() {
    }

    static BoardPack pack() {
        return with(intact());
    }

    static BoardPack with(BoardPack.Integrity integrity) {
        DecisionRecordView voting = new DecisionRecordView("r-10", "t", 10, "VotingClosed", CLOSED,
                CLOSED.plusSeconds(2), "system", "proposal", "p-1", Area.CURRICULUM,
                "Proposal 'Year 9 calendar' REJECTED: 1 approve, 2 object, 0 abstain, 1 recused of 4", null);
        DecisionRecordView approved = new DecisionRecordView("r-11", "t", 11, "ExceptionApproved",
                CLOSED.plusSeconds(3600), CLOSED.plusSeconds(3600), "p-exec", "variation", "v-1", Area.SAFEGUARDING,
                "Exception from 'Safer recruitment' approved", "=HYPERLINK(\"http://evil\") a note, with \"quotes\"");
        return new BoardPack("t", "Northfield Learning Trust", LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-12-31"), CLOSED.plusSeconds(7200), List.of(
                new BoardPack.Entry(voting, "Accord", List.of(
                        new BoardPack.VoteLine("p-1", "Sophie Lindqvist", "APPROVE", "Good for pupils"),
                        new BoardPack.VoteLine("p-2", "Tom Okafor", "OBJECT", "Clashes with mocks"),
                        new BoardPack.VoteLine("p-3", null, "OBJECT", "-1 term of notice"),
                        new BoardPack.VoteLine("p-4", "Ada Brown", "RECUSED", "Married to the author"))),
                new BoardPack.Entry(approved, "Priya Shah", List.of(), "Willowbrook Primary School")), integrity);
    }

    static BoardPack.Integrity intact() {
        return new BoardPack.Integrity(CLOSED.plusSeconds(7200), true, 64, null, 0,
                CheckpointText.forBoardPack(CHECKPOINT), 64);
    }

    static BoardPack.Integrity broken() {
        return new BoardPack.Integrity(CLOSED.plusSeconds(7200), false, 36, "ALTERED at position 37: event e-37 at"
                + " position 37 no longer matches the hash it was stored with", 2,
                CheckpointText.forBoardPack(CHECKPOINT), 64);
    }
}
