package org.accord.app.boardpack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.audit.DecisionRecordView;
import org.accord.api.standard.Area;

/** A small board pack made by hand: a vote closed with one dissent and one recusal, and an exception approved. */
final class BoardPackFixture {

    private BoardPackFixture() {
    }

    static BoardPack pack() {
        Instant closed = Instant.parse("2027-03-01T17:00:00Z");
        DecisionRecordView voting = new DecisionRecordView("r-10", "t", 10, "VotingClosed", closed,
                closed.plusSeconds(2), "system", "proposal", "p-1", Area.CURRICULUM,
                "Proposal 'Year 9 calendar' REJECTED: 1 approve, 2 object, 0 abstain, 1 recused of 4", null);
        DecisionRecordView approved = new DecisionRecordView("r-11", "t", 11, "ExceptionApproved",
                closed.plusSeconds(3600), closed.plusSeconds(3600), "p-exec", "variation", "v-1", Area.SAFEGUARDING,
                "Exception from 'Safer recruitment' approved", "=HYPERLINK(\"http://evil\") a note, with \"quotes\"");
        return new BoardPack("t", "Northfield Learning Trust", LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-12-31"), closed.plusSeconds(7200), List.of(
                new BoardPack.Entry(voting, "Accord", List.of(
                        new BoardPack.VoteLine("p-1", "Sophie Lindqvist", "APPROVE", "Good for pupils"),
                        new BoardPack.VoteLine("p-2", "Tom Okafor", "OBJECT", "Clashes with mocks"),
                        new BoardPack.VoteLine("p-3", null, "OBJECT", "-1 term of notice"),
                        new BoardPack.VoteLine("p-4", "Ada Brown", "RECUSED", "Married to the author"))),
                new BoardPack.Entry(approved, "Priya Shah", List.of())));
    }
}
