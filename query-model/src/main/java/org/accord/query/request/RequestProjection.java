package org.accord.query.request;

import org.accord.api.proposal.ProposalAdoptedEvent;
import org.accord.api.request.RequestDeclinedEvent;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.request.RequestStatus;
import org.accord.api.request.RequestSupportedEvent;
import org.accord.api.request.RequestTakenUpEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Schools' requests for standardisation: raised, supported, taken up into a proposal or declined, and, once that
 * proposal is adopted, the standard it became.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class RequestProjection {

    private final ReadModelStore store;

    public RequestProjection(ReadModelStore store) {
        this.store = store;
    }

    /** Before a replay; Accord always resets every projection together (ReadModelRebuild). */
    @ResetHandler
    void forgetEverything() {
        store.clear(RequestDocument.class, RequestCountDocument.class, RequestOfProposalDocument.class);
    }

    @EventHandler
    void on(RequestRaisedEvent e) {
        store.upsert(RequestDocument.class, e.requestId(), new Update()
                .set("trustId", e.trustId())
                .set("position", position(e.trustId(), e.requestId()))
                .set("schoolId", e.schoolId())
                .set("area", e.area())
                .set("title", e.title())
                .set("reason", e.reason())
                .set("status", RequestStatus.OPEN)
                .set("routedTeamIds", e.routedTeamIds())
                .set("routedToExecutive", e.routedToExecutive())
                .set("raisedBy", e.raisedBy())
                .set("raisedAt", e.raisedAt()));
    }

    @EventHandler
    void on(RequestSupportedEvent e) {
        store.upsert(RequestDocument.class, e.requestId(), new Update().addToSet("supports",
                new RequestDocument.Support(e.supportedBy(), e.schoolId(), e.reason(), e.supportedAt())));
    }

    @EventHandler
    void on(RequestTakenUpEvent e) {
        store.upsert(RequestDocument.class, e.requestId(), new Update()
                .set("status", RequestStatus.TAKEN_UP)
                .set("teamId", e.teamId())
                .set("proposalId", e.proposalId())
                .set("decidedBy", e.takenUpBy())
                .set("decidedAt", e.takenUpAt()));
        store.upsert(RequestOfProposalDocument.class, e.proposalId(), new Update().set("requestId", e.requestId()));
    }

    @EventHandler
    void on(RequestDeclinedEvent e) {
        store.upsert(RequestDocument.class, e.requestId(), new Update()
                .set("status", RequestStatus.DECLINED)
                .set("declineReason", e.reason())
                .set("decidedBy", e.declinedBy())
                .set("decidedAt", e.declinedAt()));
    }

    /** The request a proposal was drafted from became a standard when the proposal was adopted. */
    @EventHandler
    void on(ProposalAdoptedEvent e) {
        RequestOfProposalDocument link = store.findById(RequestOfProposalDocument.class, e.proposalId());
        if (link != null) {
            store.upsert(RequestDocument.class, link.requestId(), new Update()
                    .set("status", RequestStatus.BECAME_STANDARD)
                    .set("standardId", e.standardId()));
        }
    }

    /** The place it was given when first raised (a redelivery keeps it), else the trust's next. */
    private long position(String trustId, String requestId) {
        RequestDocument raised = store.findById(RequestDocument.class, requestId);
        if (raised != null && raised.position() != null) {
            return raised.position();
        }
        RequestCountDocument count = store.findById(RequestCountDocument.class, trustId);
        long position = count == null ? 0 : count.raised();
        store.upsert(RequestCountDocument.class, trustId, new Update().set("raised", position + 1));
        return position;
    }
}
