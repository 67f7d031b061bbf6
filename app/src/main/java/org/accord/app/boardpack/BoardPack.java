package org.accord.app.boardpack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.accord.api.audit.DecisionRecordView;

/**
 * What a board files for a date range: the decisions of the trust's log in order, each with the name of who made it
 * and, where a vote closed, how each voter voted and why. The steps that lead to a decision (drafts, revisions,
 * opening a vote, each vote as cast) and the registration of people are left out: the votes appear, as they stood,
 * under the close of their vote, and the full log stays one query away. {@code from} and {@code to} are inclusive
 * UTC dates; either may be null (from the first record, up to now). {@code integrity} is what a check of the whole
 * record found as the pack was made, null where Accord keeps no verifiable chain (a context without the ledger).
 */
public record BoardPack(String trustId, String trustName, LocalDate from, LocalDate to, Instant generatedAt,
                        List<Entry> entries, Integrity integrity, Standing standing) {

    public BoardPack(String trustId, String trustName, LocalDate from, LocalDate to, Instant generatedAt,
                     List<Entry> entries, Integrity integrity) {
        this(trustId, trustName, from, to, generatedAt, entries, integrity, null);
    }

    /**
     * Where the trust stands as the pack is made, whatever the period: the exceptions in force and what is overdue
     * (a variation past its review or expiry date, or pinned to a version a standard has since replaced), each a line
     * in words naming the school and the standard. Null where the assembler did not look (a pack built by hand).
     * {@code attestationsOverdue} and {@code attestationsChallenged}: the compliance view's OVERDUE and CHALLENGED
     * cells on that day, in words; null where the assembler did not look.
     */
    public record Standing(LocalDate on, List<String> exceptionsInForce, List<String> overdue,
                           List<String> attestationsOverdue, List<String> attestationsChallenged) {

        public Standing(LocalDate on, List<String> exceptionsInForce, List<String> overdue) {
            this(on, exceptionsInForce, overdue, null, null);
        }
    }

    /** The summary a board reads first: the period's decisions counted, its dissent, and where the trust stands. */
    public List<String> summary() {
        List<String> lines = new java.util.ArrayList<>();
        long closed = count("VotingClosed");
        long adopted = count("StandardVersionAdopted");
        long retired = count("StandardRetired");
        long granted = variationsGranted().size();
        long declined = count("AdoptionDeclined") + count("ExceptionDeclined");
        lines.add("Decisions of the period: " + entries.size() + " in all; " + closed + plural(closed, " vote")
                + " closed, " + adopted + plural(adopted, " standard version") + " adopted, " + retired
                + plural(retired, " standard") + " retired, " + granted + plural(granted, " variation")
                + " granted, " + declined + " declined (adoptions and exceptions).");
        List<String> dissent = entries.stream().filter(e -> e.votes().stream().anyMatch(VoteLine::dissent))
                .map(e -> "#" + e.record().position() + " " + e.record().summary() + ". Objected: "
                        + String.join("; ", e.votes().stream().filter(VoteLine::dissent)
                        .map(v -> v.who() + (v.rationale() == null || v.rationale().isBlank() ? ""
                                : " (" + v.rationale() + ")")).toList()) + ".")
                .toList();
        lines.add(dissent.isEmpty() ? "Dissent: no vote closed in the period with an objection standing."
                : "Dissent: " + dissent.size() + plural(dissent.size(), " vote") + " closed with objections standing:");
        dissent.forEach(d -> lines.add("  - " + d));
        if (standing == null) {
            return lines;
        }
        lines.add(standing.exceptionsInForce().isEmpty() ? "Exceptions in force on " + standing.on() + ": none."
                : "Exceptions in force on " + standing.on() + ": " + standing.exceptionsInForce().size() + ":");
        standing.exceptionsInForce().forEach(x -> lines.add("  - " + x));
        lines.add(standing.overdue().isEmpty() ? "Overdue on " + standing.on() + ": nothing."
                : "Overdue on " + standing.on() + ": " + standing.overdue().size() + plural(standing.overdue().size(),
                " item") + ":");
        standing.overdue().forEach(x -> lines.add("  - " + x));
        if (standing.attestationsOverdue() != null && standing.attestationsChallenged() != null) {
            int late = standing.attestationsOverdue().size();
            int challenged = standing.attestationsChallenged().size();
            lines.add("Attestations on " + standing.on() + ": " + late + " overdue, " + challenged
                    + " challenged by quality assurance" + (late + challenged == 0 ? "." : ":"));
            standing.attestationsOverdue().forEach(x -> lines.add("  - " + x));
            standing.attestationsChallenged().forEach(x -> lines.add("  - " + x));
        }
        return lines;
    }

    private long count(String type) {
        return entries.stream().filter(e -> type.equals(e.record().type())).count();
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    /** Log record types that are steps towards a decision, or administration, rather than decisions. */
    public static final Set<String> NOT_DECISIONS = Set.of("ProposalDrafted", "ProposalRevised", "VotingOpened",
            "VoteCast", "VoterRecused", "PersonRegistered", "VoteDelegated", "VoteDelegationRevoked",
            "VotesDelegatedForPeriod", "PeriodDelegationRevoked");

    /** Log record types that grant a school a variation. */
    public static final Set<String> VARIATIONS_GRANTED =
            Set.of("ExceptionApproved", "ImplementationRecorded", "VariationReaffirmed");

    /** @param schoolName the school a variation's record is about; null for other records */
    public record Entry(DecisionRecordView record, String actorName, List<VoteLine> votes, String schoolName) {

        public Entry(DecisionRecordView record, String actorName, List<VoteLine> votes) {
            this(record, actorName, votes, null);
        }

        public boolean grantsVariation() {
            return VARIATIONS_GRANTED.contains(record.type());
        }
    }

    /**
     * The whole decision log of the trust checked as the pack was made (the store itself, not the read models the
     * pack's records come from).
     *
     * @param checkedEvents  how many events matched their links, from the first
     * @param problem        the first problem, in a sentence; null when intact
     * @param quarantined    how many events the read models refused, so that the pack leaves them out
     * @param checkpointText the newest signed checkpoint as text to keep (CheckpointText); null before the first
     * @param checkpointPosition its position; 0 before the first
     */
    public record Integrity(Instant checkedAt, boolean intact, long checkedEvents, String problem, int quarantined,
                            String checkpointText, long checkpointPosition) {

        /** What the pack says of the record, in a sentence or three. */
        public String statement(String trustName) {
            String checked = "Checked when this pack was made (" + checkedAt + "): the decision log of " + trustName;
            String held = quarantined == 0 ? "" : " " + quarantined + (quarantined == 1 ? " event whose link does"
                    + " not verify is" : " events whose links do not verify are") + " held back from the read"
                    + " models, so this pack leaves " + (quarantined == 1 ? "it" : "them") + " out.";
            if (intact) {
                return checked + " is intact: all " + checkedEvents + " of its events match the hashes they were"
                        + " stored with, in order, and every signed checkpoint." + held;
            }
            String before = checkedEvents == 0 ? "The first problem is at its first event: "
                    : checkedEvents == 1 ? "Its first event matches the hash it was stored with; then: "
                    : "Its first " + checkedEvents + " events match the hashes they were stored with; then: ";
            return checked + " is NOT intact. " + before + problem.replaceAll("\\.$", "") + "." + held
                    + " Ask the trust's operator what happened, and keep this pack: it is evidence.";
        }
    }

    /** One voter's standing vote when voting closed, or their recusal (choice {@code RECUSED}, the interest as why). */
    public record VoteLine(String voterId, String voterName, String choice, String rationale) {

        public boolean dissent() {
            return "OBJECT".equals(choice);
        }

        public String who() {
            return voterName != null ? voterName : voterId;
        }
    }

    public List<Entry> variationsGranted() {
        return entries.stream().filter(Entry::grantsVariation).toList();
    }

    public String period() {
        return (from == null ? "the first record" : from.toString()) + " to " + (to == null ? "now" : to.toString());
    }
}
