package org.accord.app.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.accord.api.trust.PersonView;
import org.accord.app.security.AccordUser;
import tools.jackson.databind.JsonNode;

/**
 * Which events of a trust's log an export or a proof shows its reader whole, and which it shows with the content
 * withheld: a peer review's events (its record, findings, actions, follow-ups) are readable only by the two schools
 * (or the reviewing team) and the trust's executives and board ({@link AccordUser#mayReadAmong}), so for anyone else
 * of the trust they are exported as links without payload. Everyone who may read the trust still exports and
 * verifies the whole chain: redacted, not restricted (docs/decisions.md).
 * <p>
 * Who may read a review is decided from the review's own first event, {@code PeerReviewRecordedEvent} (reviewed
 * school, reviewing school or team), as the export streams past it: the same bytes the chain covers, in the order
 * the log holds them, with no read model consulted (a rebuild under way changes nothing). A single decision's proof
 * has no stream to read it from, so it asks {@code parties} (the read model); a review that neither knows is
 * withheld.
 */
public final class Withholding {

    public static final String PEER_REVIEW = "peer review";

    private static final String RECORDED = StoredEvent.WITHHOLDABLE_TYPES + "PeerReviewRecordedEvent";

    /** The schools and team of a review: whose people may read it. */
    public record Parties(String reviewedSchoolId, String reviewingSchoolId, String reviewingTeamId) {
    }

    private final String trustId;
    private final AccordUser caller;
    private final PersonView reader;
    private final boolean readsEverything;
    private final Function<String, Parties> parties;
    private final Map<String, Boolean> mayReadReview = new HashMap<>();

    /**
     * @param reader  the caller as the trust's record knows them (roles, school, teams); null for none
     * @param parties a review's parties when its first event has not been seen (a single proof); null for none
     */
    public Withholding(String trustId, AccordUser caller, PersonView reader, Function<String, Parties> parties) {
        // executives and board read every review: nothing to look at
        this(trustId, caller, reader, parties,
                caller != null && caller.mayReadAmong(trustId, reader, List.of(), List.of()));
    }

    /** Everything whole: for Accord's own reading of a log (a benchmark, a check), never for a person's export. */
    static Withholding nothing() {
        return new Withholding(null, null, null, null, true);
    }

    private Withholding(String trustId, AccordUser caller, PersonView reader, Function<String, Parties> parties,
                        boolean readsEverything) {
        this.trustId = trustId;
        this.caller = caller;
        this.reader = reader;
        this.parties = parties;
        this.readsEverything = readsEverything;
    }

    /** The event as this reader may see it: whole, or with its payload withheld. */
    StoredEvent apply(StoredEvent event) {
        if (readsEverything || !event.mayBeWithheld()) {
            return event;
        }
        JsonNode payload = event.payloadTree();
        String reviewId = text(payload, "peerReviewId");
        if (reviewId == null) {
            return event.withheldFor(PEER_REVIEW);
        }
        if (RECORDED.equals(event.payloadType())) {
            mayReadReview.put(reviewId, mayRead(new Parties(text(payload, "reviewedSchoolId"),
                    text(payload, "reviewingSchoolId"), text(payload, "reviewingTeamId"))));
        }
        Boolean may = mayReadReview.computeIfAbsent(reviewId, id -> {
            Parties known = parties == null ? null : parties.apply(id);
            return known != null && mayRead(known);
        });
        return may ? event : event.withheldFor(PEER_REVIEW);
    }

    private boolean mayRead(Parties review) {
        List<String> schools = new ArrayList<>();
        if (review.reviewedSchoolId() != null) {
            schools.add(review.reviewedSchoolId());
        }
        if (review.reviewingSchoolId() != null) {
            schools.add(review.reviewingSchoolId());
        }
        return caller != null && caller.mayReadAmong(trustId, reader, schools,
                review.reviewingTeamId() == null ? List.of() : List.of(review.reviewingTeamId()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
