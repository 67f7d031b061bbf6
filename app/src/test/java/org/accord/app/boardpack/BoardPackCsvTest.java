package org.accord.app.boardpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.accord.app.ledger.CheckpointText;
import org.junit.jupiter.api.Test;

class BoardPackCsvTest {

    @Test
    void plainCellsAreLeftAlone() {
        assertThat(BoardPackCsv.cell("VotingClosed")).isEqualTo("VotingClosed");
        assertThat(BoardPackCsv.cell(null)).isEmpty();
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(BoardPackCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(BoardPackCsv.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(BoardPackCsv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(BoardPackCsv.cell("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertThat(BoardPackCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(BoardPackCsv.cell("+44 1234")).isEqualTo("'+44 1234");
        assertThat(BoardPackCsv.cell("-2")).isEqualTo("'-2");
        assertThat(BoardPackCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(BoardPackCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(BoardPackCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void theCsvHasAHeaderARowPerRecordAndARowPerVoteAtCloseWithCrlfLineEnds() {
        String csv = BoardPackCsv.write(BoardPackFixture.pack());
        List<List<String>> rows = parse(csv);
        assertThat(csv).endsWith("\r\n");
        assertThat(rows.get(0)).isEqualTo(BoardPackCsv.HEADER);
        assertThat(rows).hasSize(1 + 2 + 4 + 2);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(BoardPackCsv.HEADER.size()));
        assertThat(rows.get(1).get(3)).isEqualTo("VotingClosed");
        assertThat(rows.get(3)).containsSubsequence("VoteAtClose", "p-2", "Tom Okafor", "OBJECT (dissent)",
                "Clashes with mocks", "OBJECT", "true");
        assertThat(rows.get(4)).contains("'-1 term of notice", "p-3");
        assertThat(rows.get(5)).contains("RECUSED", "Married to the author", "false");
        assertThat(rows.get(6).get(3)).isEqualTo("ExceptionApproved");
        assertThat(rows.get(6).get(10)).isEqualTo("'=HYPERLINK(\"http://evil\") a note, with \"quotes\"");
        assertThat(rows.get(6).get(13)).as("the school of the variation").isEqualTo("Willowbrook Primary School");
        assertThat(rows.get(1).get(13)).isEmpty();
    }

    @Test
    void theLastRowsSayWhatACheckOfTheWholeRecordFoundAndHoldTheNewestSignedCheckpoint() {
        List<List<String>> rows = parse(BoardPackCsv.write(BoardPackFixture.pack()));
        List<String> integrity = rows.get(rows.size() - 2);
        assertThat(integrity.get(3)).isEqualTo("RecordIntegrity");
        assertThat(integrity.get(9)).startsWith("Checked when this pack was made (2027-03-01T19:00:00Z): the decision"
                + " log of Northfield Learning Trust is intact: all 64 of its events match");
        List<String> checkpoint = rows.get(rows.size() - 1);
        assertThat(checkpoint.get(0)).isEqualTo("64");
        assertThat(checkpoint.get(3)).isEqualTo("SignedCheckpoint");
        assertThat(checkpoint.get(9)).isEqualTo(CheckpointText.forBoardPack(BoardPackFixture.CHECKPOINT))
                .endsWith(BoardPackFixture.CHECKPOINT.signedText().strip());
    }

    @Test
    void whereNoChainIsKeptThePackHasNoIntegrityRows() {
        List<List<String>> rows = parse(BoardPackCsv.write(BoardPackFixture.with(null)));
        assertThat(rows).hasSize(1 + 2 + 4).noneSatisfy(row -> assertThat(row.get(3)).isIn("RecordIntegrity",
                "SignedCheckpoint"));
    }

    /** A strict RFC 4180 reader, so that the test reads the CSV as a spreadsheet would. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertThat(cell).as("a quote opens a cell").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).as("CR only before LF").isEqualTo('\n');
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        assertThat(quoted).as("every quote closed").isFalse();
        return rows;
    }
}
