package org.accord.app.boardpack;

import java.util.List;

import org.accord.api.audit.DecisionRecordView;

/**
 * The board pack as CSV (RFC 4180): one row per decision record and, after each closed vote, one row per voter
 * ({@code VoteAtClose}: the voter as actor, their vote, whether it dissents, their rationale); the school of a
 * variation's record in the last column; then, where Accord keeps a verifiable chain, a {@code RecordIntegrity} row
 * (what a check of the whole record found as the pack was made) and a {@code SignedCheckpoint} row (the newest signed
 * checkpoint as text to keep, over several lines in one cell). Comma separated, CRLF line ends, every cell that
 * needs it quoted. Cells that a spreadsheet would run as a formula are defused with a leading apostrophe (OWASP's
 * advice on CSV injection).
 */
public final class BoardPackCsv {

    static final List<String> HEADER = List.of("position", "occurredAt", "recordedAt", "type", "actorId",
            "actorName", "subjectType", "subjectId", "area", "summary", "rationale", "vote", "dissent", "school");

    private BoardPackCsv() {
    }

    public static String write(BoardPack pack) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (BoardPack.Entry entry : pack.entries()) {
            DecisionRecordView r = entry.record();
            row(csv, List.of(Long.toString(r.position()), r.occurredAt().toString(), r.recordedAt().toString(),
                    r.type(), r.actorId(), text(entry.actorName()), text(r.subjectType()), text(r.subjectId()),
                    r.area() == null ? "" : r.area().name(), r.summary(), text(r.rationale()), "", "",
                    text(entry.schoolName())));
            for (BoardPack.VoteLine vote : entry.votes()) {
                row(csv, List.of(Long.toString(r.position()), r.occurredAt().toString(), r.recordedAt().toString(),
                        "VoteAtClose", vote.voterId(), text(vote.voterName()), text(r.subjectType()),
                        text(r.subjectId()), r.area() == null ? "" : r.area().name(),
                        vote.choice() + (vote.dissent() ? " (dissent)" : ""), text(vote.rationale()), vote.choice(),
                        Boolean.toString(vote.dissent()), ""));
            }
        }
        BoardPack.Integrity integrity = pack.integrity();
        if (integrity != null) {
            String at = integrity.checkedAt().toString();
            row(csv, List.of(Long.toString(integrity.checkedEvents()), at, at, "RecordIntegrity", "system", "Accord",
                    "trust", pack.trustId(), "", integrity.statement(pack.trustName()), "", "", "", ""));
            if (integrity.checkpointText() != null) {
                row(csv, List.of(Long.toString(integrity.checkpointPosition()), at, at, "SignedCheckpoint", "system",
                        "Accord", "trust", pack.trustId(), "", integrity.checkpointText(), "", "", "", ""));
            }
        }
        return csv.toString();
    }

    /** One cell, quoted if it holds a comma, a quote or a line break, and defused if it could start a formula. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
