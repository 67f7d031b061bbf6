package org.accord.query.peerreview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.peerreview.FindPeerReviewQuery;
import org.accord.api.peerreview.FindPeerReviewsQuery;
import org.accord.api.peerreview.PeerReviewPage;
import org.accord.api.peerreview.PeerReviewView;
import org.accord.query.shared.Cursors;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Who may read a peer review is decided where the caller is known (AccordUser): these answer for the trust. */
@Component
public class PeerReviewQueries {

    private static final String CURSOR_LIST = "peerReview";

    private final ReadModelStore store;

    public PeerReviewQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public PeerReviewView handle(FindPeerReviewQuery query) {
        PeerReviewDocument d = query.peerReviewId() == null ? null
                : store.findById(PeerReviewDocument.class, query.peerReviewId());
        return d == null || d.trustId() == null ? null : view(d);
    }

    /** A page of the trust's reviews, or of one school's (reviewed or reviewing), oldest first. */
    @QueryHandler
    public PeerReviewPage handle(FindPeerReviewsQuery query) {
        long after = Cursors.startAfter(CURSOR_LIST, query.after()) - 1L;
        List<PeerReviewDocument> found;
        if (query.schoolId() == null) {
            Map<String, Object> equalTo = new LinkedHashMap<>();
            equalTo.put("trustId", query.trustId());
            found = store.findPage(PeerReviewDocument.class, equalTo, "position", after, query.first() + 1);
        } else {
            List<PeerReviewOfSchoolDocument> parts = store.findPage(PeerReviewOfSchoolDocument.class,
                    Map.of("schoolId", query.schoolId()), "position", after, query.first() + 1);
            found = store.findByIds(PeerReviewDocument.class,
                            parts.stream().map(PeerReviewOfSchoolDocument::peerReviewId).toList(), PeerReviewDocument::id)
                    .stream().filter(d -> query.trustId().equals(d.trustId())).toList();
        }
        List<PeerReviewDocument> page = found.subList(0, Math.min(found.size(), query.first()));
        return new PeerReviewPage(page.stream().map(PeerReviewQueries::view).toList(),
                page.stream().map(d -> Cursors.encode(CURSOR_LIST, d.position().intValue())).toList(),
                found.size() > query.first());
    }

    static PeerReviewView view(PeerReviewDocument d) {
        return new PeerReviewView(d.id(), d.trustId(), d.reviewedSchoolId(), d.reviewingSchoolId(),
                d.reviewingTeamId(), d.areas(), d.reviewedOn(), d.recordedBy(), d.recordedAt(),
                d.findings().stream().map(f -> new PeerReviewView.Finding(f.id(), f.area(), f.kind(), f.text(),
                        f.addedBy(), f.addedAt(), f.requestId(), f.standards().stream()
                        .map(n -> new PeerReviewView.StandardNote(n.standardId(), n.version(), n.notedBy(),
                                n.notedAt())).toList())).toList(),
                d.actions().stream().map(a -> new PeerReviewView.Action(a.id(), a.findingId(), a.action(), a.dueBy(),
                        a.agreedBy(), a.agreedAt(), a.progress(), a.followUps().stream()
                        .map(f -> new PeerReviewView.FollowUp(f.progress(), f.note(), f.by(), f.at())).toList()))
                        .toList());
    }
}
