package org.accord.query.review;

import org.accord.api.review.ReviewProposalRaisedEvent;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The outcomes of standards' reviews: reaffirmed, or a proposal raised from the review. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class StandardReviewProjection {

    private final ReadModelStore store;

    public StandardReviewProjection(ReadModelStore store) {
        this.store = store;
    }

    /** Before a replay; Accord always resets every projection together (ReadModelRebuild). */
    @ResetHandler
    void forgetEverything() {
        store.clear(StandardReviewDocument.class, ReviewDueNoticeDocument.class);
    }

    @EventHandler
    void on(StandardReaffirmedEvent e) {
        store.upsert(StandardReviewDocument.class, e.standardId(), new Update()
                .set("trustId", e.trustId())
                .addToSet("reviews", new StandardReviewDocument.Entry(e.version(), null, e.rationale(), e.dueOn(),
                        e.nextReviewBy(), null, null, e.reaffirmedBy(), e.reaffirmedAt())));
    }

    @EventHandler
    void on(ReviewProposalRaisedEvent e) {
        store.upsert(StandardReviewDocument.class, e.standardId(), new Update()
                .set("trustId", e.trustId())
                .addToSet("reviews", new StandardReviewDocument.Entry(e.version(), e.kind(), null, e.dueOn(), null,
                        e.proposalId(), e.teamId(), e.raisedBy(), e.raisedAt())));
    }

    @EventHandler
    void on(StandardReviewFellDueEvent e) {
        store.upsert(ReviewDueNoticeDocument.class, e.standardId(), new Update().set("reviewBy", e.reviewBy()));
    }
}
