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
 * UTC dates; either may be null (from the first record, up to now).
 */
public record BoardPack(String trustId, String trustName, LocalDate from, LocalDate to, Instant generatedAt,
                        List<Entry> entries) {

    /** Log record types that are steps towards a decision, or administration, rather than decisions. */
    public static final Set<String> NOT_DECISIONS = Set.of("ProposalDrafted", "ProposalRevised", "VotingOpened",
            "VoteCast", "VoterRecused", "PersonRegistered");

    /** Log record types that grant a school a variation. */
    public static final Set<String> VARIATIONS_GRANTED =
            Set.of("ExceptionApproved", "ImplementationRecorded", "VariationReaffirmed");

    public record Entry(DecisionRecordView record, String actorName, List<VoteLine> votes) {

        public boolean grantsVariation() {
            return VARIATIONS_GRANTED.contains(record.type());
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
