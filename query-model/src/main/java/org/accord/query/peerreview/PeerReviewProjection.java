package org.accord.query.peerreview;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.accord.api.peerreview.PeerReviewActionAgreedEvent;
import org.accord.api.peerreview.PeerReviewActionFollowedUpEvent;
import org.accord.api.peerreview.PeerReviewFindingAddedEvent;
import org.accord.api.peerreview.PeerReviewFindingNotedAgainstStandardEvent;
import org.accord.api.peerreview.PeerReviewFindingRaisedAsRequestEvent;
import org.accord.api.peerreview.PeerReviewRecordedEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Peer reviews between schools: recorded, their findings, the actions agreed and their follow-ups. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class PeerReviewProjection {

    private final ReadModelStore store;

    public PeerReviewProjection(ReadModelStore store) {
        this.store = store;
    }

    /** Before a replay; Accord always resets every projection together (ReadModelRebuild). */
    @ResetHandler
    void forgetEverything() {
        store.clear(PeerReviewDocument.class, PeerReviewOfSchoolDocument.class, PeerReviewCountDocument.class);
    }

    @EventHandler
    void on(PeerReviewRecordedEvent e) {
        long position = position(e.trustId(), e.peerReviewId());
        store.upsert(PeerReviewDocument.class, e.peerReviewId(), new Update()
                .set("trustId", e.trustId())
                .set("position", position)
                .set("reviewedSchoolId", e.reviewedSchoolId())
                .set("reviewingSchoolId", e.reviewingSchoolId())
                .set("reviewingTeamId", e.reviewingTeamId())
                .set("areas", e.areas())
                .set("reviewedOn", e.reviewedOn())
                .set("recordedBy", e.recordedBy())
                .set("recordedAt", e.recordedAt()));
        for (String schoolId : new String[] {e.reviewedSchoolId(), e.reviewingSchoolId()}) {
            if (schoolId != null) {
                store.upsert(PeerReviewOfSchoolDocument.class, schoolId + ":" + e.peerReviewId(), new Update()
                        .set("schoolId", schoolId).set("peerReviewId", e.peerReviewId()).set("position", position));
            }
        }
    }

    @EventHandler
    void on(PeerReviewFindingAddedEvent e) {
        PeerReviewDocument review = store.findById(PeerReviewDocument.class, e.peerReviewId());
        if (review == null || review.findings().stream().anyMatch(f -> f.id().equals(e.findingId()))) {
            return;
        }
        List<PeerReviewDocument.Finding> findings = new ArrayList<>(review.findings());
        findings.add(new PeerReviewDocument.Finding(e.findingId(), e.area(), e.kind(), e.text(), e.addedBy(),
                e.addedAt(), null, List.of()));
        store.upsert(PeerReviewDocument.class, e.peerReviewId(), new Update().set("findings", findings));
    }

    @EventHandler
    void on(PeerReviewFindingRaisedAsRequestEvent e) {
        finding(e.peerReviewId(), e.findingId(), f -> new PeerReviewDocument.Finding(f.id(), f.area(), f.kind(),
                f.text(), f.addedBy(), f.addedAt(), e.requestId(), f.standards()));
    }

    @EventHandler
    void on(PeerReviewFindingNotedAgainstStandardEvent e) {
        PeerReviewDocument.StandardNote note = new PeerReviewDocument.StandardNote(e.standardId(), e.version(),
                e.notedBy(), e.notedAt());
        finding(e.peerReviewId(), e.findingId(), f -> {
            if (f.standards().contains(note)) {
                return f;
            }
            List<PeerReviewDocument.StandardNote> notes = new ArrayList<>(f.standards());
            notes.add(note);
            return new PeerReviewDocument.Finding(f.id(), f.area(), f.kind(), f.text(), f.addedBy(), f.addedAt(),
                    f.requestId(), notes);
        });
    }

    @EventHandler
    void on(PeerReviewActionAgreedEvent e) {
        PeerReviewDocument review = store.findById(PeerReviewDocument.class, e.peerReviewId());
        if (review == null || review.actions().stream().anyMatch(a -> a.id().equals(e.actionId()))) {
            return;
        }
        List<PeerReviewDocument.Action> actions = new ArrayList<>(review.actions());
        actions.add(new PeerReviewDocument.Action(e.actionId(), e.findingId(), e.action(), e.dueBy(), e.agreedBy(),
                e.agreedAt(), List.of()));
        store.upsert(PeerReviewDocument.class, e.peerReviewId(), new Update().set("actions", actions));
    }

    @EventHandler
    void on(PeerReviewActionFollowedUpEvent e) {
        PeerReviewDocument review = store.findById(PeerReviewDocument.class, e.peerReviewId());
        if (review == null) {
            return;
        }
        PeerReviewDocument.FollowUp followUp = new PeerReviewDocument.FollowUp(e.progress(), e.note(),
                e.followedUpBy(), e.followedUpAt());
        List<PeerReviewDocument.Action> actions = review.actions().stream().map(a -> {
            if (!a.id().equals(e.actionId()) || a.followUps().contains(followUp)) {
                return a;
            }
            List<PeerReviewDocument.FollowUp> followUps = new ArrayList<>(a.followUps());
            followUps.add(followUp);
            return new PeerReviewDocument.Action(a.id(), a.findingId(), a.action(), a.dueBy(), a.agreedBy(),
                    a.agreedAt(), followUps);
        }).toList();
        store.upsert(PeerReviewDocument.class, e.peerReviewId(), new Update().set("actions", actions));
    }

    private void finding(String peerReviewId, String findingId, UnaryOperator<PeerReviewDocument.Finding> change) {
        PeerReviewDocument review = store.findById(PeerReviewDocument.class, peerReviewId);
        if (review == null) {
            return;
        }
        List<PeerReviewDocument.Finding> findings = review.findings().stream()
                .map(f -> f.id().equals(findingId) ? change.apply(f) : f).toList();
        store.upsert(PeerReviewDocument.class, peerReviewId, new Update().set("findings", findings));
    }

    /** The place it was given when first recorded (a redelivery keeps it), else the trust's next. */
    private long position(String trustId, String peerReviewId) {
        PeerReviewDocument recorded = store.findById(PeerReviewDocument.class, peerReviewId);
        if (recorded != null && recorded.position() != null) {
            return recorded.position();
        }
        PeerReviewCountDocument count = store.findById(PeerReviewCountDocument.class, trustId);
        long position = count == null ? 0 : count.recorded();
        store.upsert(PeerReviewCountDocument.class, trustId, new Update().set("recorded", position + 1));
        return position;
    }
}
