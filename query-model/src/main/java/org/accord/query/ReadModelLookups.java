package org.accord.query;

import java.util.List;

import org.accord.query.attestation.AttestationDocument;
import org.accord.query.audit.DecisionRecordDocument;
import org.accord.query.peerreview.PeerReviewDocument;
import org.accord.query.peerreview.PeerReviewOfSchoolDocument;
import org.accord.query.proposal.PeriodDelegationDocument;
import org.accord.query.notification.NotificationDocument;
import org.accord.query.proposal.ProposalDocument;
import org.accord.query.proposal.ProposalStandingVoteDocument;
import org.accord.query.proposal.ProposalVoteDocument;
import org.accord.query.request.RequestDocument;
import org.accord.query.variation.VariationDocument;

/**
 * Every read model that declares a {@link org.accord.query.shared.Lookup}: what a runtime that makes its indexes apart
 * from the collections (production MongoDB, at start-up) indexes. ReadModelLookupsTest holds the list complete.
 */
public final class ReadModelLookups {

    public static final List<Class<?>> DOCUMENTS = List.of(ProposalDocument.class, ProposalStandingVoteDocument.class,
            ProposalVoteDocument.class, VariationDocument.class, DecisionRecordDocument.class,
            PeriodDelegationDocument.class, RequestDocument.class, AttestationDocument.class, PeerReviewDocument.class,
            PeerReviewOfSchoolDocument.class, NotificationDocument.class);

    private ReadModelLookups() {
    }
}
