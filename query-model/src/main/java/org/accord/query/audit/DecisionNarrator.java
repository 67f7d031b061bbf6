package org.accord.query.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

import org.accord.api.proposal.AdoptionDeclinedEvent;
import org.accord.api.proposal.ProposalAdoptedEvent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalRevisedEvent;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteDelegatedEvent;
import org.accord.api.proposal.VoteDelegationRevokedEvent;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingClosingSoonEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.team.TeamFormedEvent;
import org.accord.api.team.TeamMemberAddedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.api.team.PeriodDelegationRevokedEvent;
import org.accord.api.team.VotesDelegatedForPeriodEvent;
import org.accord.api.rights.DecisionRightsChangedEvent;
import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.trust.ClusterFormedEvent;
import org.accord.api.trust.ClusterLeadNamedEvent;
import org.accord.api.trust.PersonErasedEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.SchoolPhaseChangedEvent;
import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolLeftClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.api.variation.ExceptionApprovedEvent;
import org.accord.api.variation.ExceptionDeclinedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.api.variation.ImplementationRecordedEvent;
import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.attestation.AttestationRecordedEvent;
import org.accord.api.attestation.QaFindingRecordedEvent;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.request.RequestDeclinedEvent;
import org.accord.api.peerreview.PeerReviewActionAgreedEvent;
import org.accord.api.peerreview.PeerReviewActionFollowedUpEvent;
import org.accord.api.peerreview.PeerReviewFindingAddedEvent;
import org.accord.api.peerreview.PeerReviewFindingNotedAgainstStandardEvent;
import org.accord.api.peerreview.PeerReviewFindingRaisedAsRequestEvent;
import org.accord.api.peerreview.PeerReviewRecordedEvent;
import org.accord.api.review.ReviewProposalRaisedEvent;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.request.RequestSupportedEvent;
import org.accord.api.request.RequestTakenUpEvent;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.variation.VariationExpiredEvent;
import org.accord.api.variation.VariationReaffirmedEvent;
import org.accord.api.variation.VariationRevokedEvent;
import org.accord.api.variation.VariationWithdrawnEvent;

/**
 * Puts each event of the domain into words. {@code subjects} gives the title and area of a team, proposal or
 * standard the log has seen before (events after the first name their subject by id only), and {@code recordedAt} is
 * the time of events that carry no time of their own.
 */
final class DecisionNarrator {

    private DecisionNarrator() {
    }

    static Narration narrate(Object event, Instant recordedAt, Function<String, Subject> subjects) {
        if (event instanceof TrustRegisteredEvent e) {
            return of("trust", e.trustId(), "Trust '" + e.name() + "' set up", null, recordedAt, e.name());
        }
        if (event instanceof SchoolRegisteredEvent e) {
            return of("school", e.schoolId(), "School '" + e.name() + "' (" + e.phase() + ") joined the trust", null,
                    recordedAt, e.name());
        }
        if (event instanceof SchoolPhaseChangedEvent e) {
            return of("school", e.schoolId(), "School '" + subjects.apply(e.schoolId()).title() + "' is "
                    + e.phase() + " from " + e.effectiveFrom() + " (was " + e.previousPhase()
                    + "): the standards for " + e.phase() + " schools apply to it from then", e.reason(),
                    e.changedAt(), null);
        }
        if (event instanceof PersonRegisteredEvent e) {
            return of("person", e.personId(), "A person was registered as " + e.roles(), null, recordedAt, null);
        }
        if (event instanceof PersonErasedEvent e) {
            return of("person", e.personId(), "A person's name and contact details were erased", null, e.erasedAt(),
                    null);
        }
        if (event instanceof ClusterFormedEvent e) {
            return of("cluster", e.clusterId(), "Cluster '" + e.name() + "' formed from " + e.effectiveFrom()
                    + ", with a lead", null, e.recordedAt(), e.name());
        }
        if (event instanceof ClusterLeadNamedEvent e) {
            return of("cluster", e.clusterId(), "A new lead for cluster '" + subjects.apply(e.clusterId()).title()
                    + "' from " + e.effectiveFrom(), null, e.recordedAt(), null);
        }
        if (event instanceof SchoolJoinedClusterEvent e) {
            return of("school", e.schoolId(), "School '" + subjects.apply(e.schoolId()).title() + "' joined cluster '"
                    + subjects.apply(e.clusterId()).title() + "' from " + e.effectiveFrom(), null, e.recordedAt(),
                    null);
        }
        if (event instanceof SchoolMovedClusterEvent e) {
            return of("school", e.schoolId(), "School '" + subjects.apply(e.schoolId()).title()
                    + "' moved from cluster '" + subjects.apply(e.fromClusterId()).title() + "' to cluster '"
                    + subjects.apply(e.toClusterId()).title() + "' from " + e.effectiveFrom(), null, e.recordedAt(),
                    null);
        }
        if (event instanceof SchoolLeftClusterEvent e) {
            return of("school", e.schoolId(), "School '" + subjects.apply(e.schoolId()).title() + "' left cluster '"
                    + subjects.apply(e.clusterId()).title() + "' from " + e.effectiveFrom(), null, e.recordedAt(),
                    null);
        }
        if (event instanceof DecisionRightsChangedEvent e) {
            return of("decisionRights", e.trustId(), "Decision-rights map version " + e.version() + " from "
                    + e.effectiveFrom() + ": " + e.rights().stream()
                    .map(r -> r.area() + (r.topic() == null ? "" : " (" + r.topic() + ")") + " at " + r.level())
                    .collect(java.util.stream.Collectors.joining(", ")), e.rationale(), e.recordedAt(), null);
        }
        if (event instanceof StandardVersionScopedToClusterEvent e) {
            Subject standard = subjects.apply(e.standardId());
            return new Narration("standard", e.standardId(), standard.area(), "Version " + e.version()
                    + " of standard '" + standard.title() + "' is a cluster standard of cluster '"
                    + subjects.apply(e.clusterId()).title() + "'", null, recordedAt, null);
        }
        if (event instanceof TeamFormedEvent e) {
            return of("team", e.teamId(), "Team '" + e.name() + "' formed with " + e.memberIds().size()
                    + " members, deciding by " + e.decisionRule().mode(), null, recordedAt, e.name());
        }
        if (event instanceof TeamMemberAddedEvent e) {
            return of("team", e.teamId(), "A member joined team '" + subjects.apply(e.teamId()).title() + "'", null,
                    recordedAt, null);
        }
        if (event instanceof TeamMemberRemovedEvent e) {
            return of("team", e.teamId(), "A member left team '" + subjects.apply(e.teamId()).title() + "'", null,
                    recordedAt, null);
        }
        if (event instanceof ProposalDraftedEvent e) {
            return new Narration("proposal", e.proposalId(), e.content().area(), "Proposal '" + e.content().title()
                    + "' drafted (" + e.kind() + ")" + applyingTo(e.content().applicability()),
                    e.content().rationale(), e.draftedAt(), e.content().title());
        }
        if (event instanceof ProposalRevisedEvent e) {
            return new Narration("proposal", e.proposalId(), e.content().area(), "Proposal '" + e.content().title()
                    + "' revised (revision " + e.revision() + ")" + applyingTo(e.content().applicability()), e.note(),
                    e.revisedAt(), e.content().title());
        }
        if (event instanceof VotingOpenedEvent e) {
            return proposal(e.proposalId(), "Voting opened on proposal '%s' for " + e.eligibleVoters().size()
                    + " voters, closing " + e.closesAt(), null, e.openedAt(), subjects);
        }
        if (event instanceof VoteCastEvent e) {
            return proposal(e.proposalId(), "Vote " + e.choice() + " cast on proposal '%s'", e.rationale(),
                    e.castAt(), subjects);
        }
        if (event instanceof VoterRecusedEvent e) {
            return proposal(e.proposalId(), "A voter recused from proposal '%s'", e.interest(), e.recusedAt(),
                    subjects);
        }
        // delegations: people by id only, as everywhere in the log
        if (event instanceof VoteDelegatedEvent e) {
            return proposal(e.proposalId(), e.periodDelegationId() == null
                    ? "A voter delegated their vote on proposal '%s' to another eligible voter"
                    : "A voter's vote on proposal '%s' went to their delegate, as their period delegation '"
                    + e.periodDelegationId() + "' covers the day voting opened", null, e.delegatedAt(), subjects);
        }
        if (event instanceof VoteDelegationRevokedEvent e) {
            return proposal(e.proposalId(), "A voter revoked the delegation of their vote on proposal '%s'", null,
                    e.revokedAt(), subjects);
        }
        if (event instanceof VotesDelegatedForPeriodEvent e) {
            return of("team", e.teamId(), "A member of team '" + subjects.apply(e.teamId()).title()
                    + "' delegated their votes to another member for the proposals whose voting opens from "
                    + e.from() + " to " + e.to(), null, e.delegatedAt(), null);
        }
        if (event instanceof PeriodDelegationRevokedEvent e) {
            return of("team", e.teamId(), "A member of team '" + subjects.apply(e.teamId()).title()
                    + "' revoked their period delegation '" + e.delegationId() + "'", null, e.revokedAt(), null);
        }
        if (event instanceof VotingClosingSoonEvent e) {
            return proposal(e.proposalId(), "Voting on proposal '%s' closes at " + e.closesAt() + ": "
                    + (e.notYetVoted().isEmpty() ? "every eligible voter has voted, recused or delegated"
                    : e.notYetVoted().size() + " of " + e.eligible() + " eligible voters had not voted and were reminded"),
                    null, e.remindedAt(), subjects);
        }
        if (event instanceof VotingClosedEvent e) {
            return proposal(e.proposalId(), "Proposal '%s' " + e.outcome() + ": " + e.tally().approve()
                    + " approve, " + e.tally().object() + " object, " + e.tally().abstain() + " abstain, "
                    + e.tally().recused() + " recused of " + e.tally().eligible()
                    + (e.tally().delegated() > 0 ? " (" + e.tally().delegated() + " cast by a delegate)" : "")
                    + (e.atDeadline() ? " (closed at its deadline)" : ""), null, e.closedAt(), subjects);
        }
        if (event instanceof ProposalWithdrawnEvent e) {
            return proposal(e.proposalId(), "Proposal '%s' withdrawn", e.reason(), e.withdrawnAt(), subjects);
        }
        if (event instanceof ProposalAdoptedEvent e) {
            return proposal(e.proposalId(), "Proposal '%s' adopted into the backbone as version " + e.version(),
                    null, e.adoptedAt(), subjects);
        }
        if (event instanceof AdoptionDeclinedEvent e) {
            return proposal(e.proposalId(), "The trust declined to adopt proposal '%s'", e.reason(), e.declinedAt(),
                    subjects);
        }
        if (event instanceof StandardVersionAdoptedEvent e) {
            return new Narration("standard", e.standardId(), e.area(), "Standard '" + e.title() + "' version "
                    + e.version() + " (" + e.alignment() + ") adopted, in force from " + e.effectiveFrom()
                    + applyingTo(e.applicability()) + attested(e.attestationCadence()), null, e.adoptedAt(),
                    e.title());
        }
        if (event instanceof StandardRetiredEvent e) {
            return of("standard", e.standardId(), "Standard '" + subjects.apply(e.standardId()).title() + "' retired from "
                    + e.retiredOn(), null, e.retiredAt(), null);
        }
        if (event instanceof StandardReaffirmedEvent e) {
            Subject standard = subjects.apply(e.standardId());
            return new Narration("standard", e.standardId(), standard.area(), "Standard '" + standard.title()
                    + "' version " + e.version() + " reviewed and reaffirmed without change"
                    + (e.dueOn() == null ? "" : " (review due " + e.dueOn() + ")") + "; next review by "
                    + e.nextReviewBy(), e.rationale(), e.reaffirmedAt(), null);
        }
        if (event instanceof StandardReviewFellDueEvent e) {
            Subject standard = subjects.apply(e.standardId());
            int told = e.deciderIds() == null ? 0 : e.deciderIds().size();
            return new Narration("standard", e.standardId(), standard.area(), "Standard '" + standard.title()
                    + "' version " + e.version() + " is due for review by " + e.reviewBy() + ": "
                    + (told == 0 ? "nobody may reaffirm it today to be told"
                    : told == 1 ? "the one who may reaffirm it was told"
                    : "the " + told + " people who may reaffirm it were told"), null, e.recordedAt(), null);
        }
        if (event instanceof ReviewProposalRaisedEvent e) {
            Subject standard = subjects.apply(e.standardId());
            String aim = e.kind() == org.accord.api.proposal.ProposalKind.RETIRE_STANDARD ? "retire it" : "amend it";
            return new Narration("standard", e.standardId(), standard.area(), "A review of standard '"
                    + standard.title() + "' version " + e.version() + " raised proposal '"
                    + subjects.apply(e.proposalId()).title() + "' in team '" + subjects.apply(e.teamId()).title()
                    + "' to " + aim, null, e.raisedAt(), null);
        }
        if (event instanceof ImplementationRecordedEvent e) {
            return variation(e.variationId(), e.standardId(), "A school recorded how it implements '%s' (version "
                    + e.version() + ")", e.justification(), e.recordedAt(), subjects);
        }
        if (event instanceof ExceptionRequestedEvent e) {
            return variation(e.variationId(), e.standardId(), "A school requested an exception from '%s' until "
                    + e.expiresOn(), e.justification(), e.requestedAt(), subjects);
        }
        if (event instanceof ExceptionApprovedEvent e) {
            return variation(e.variationId(), e.standardId(), "Exception from '%s' approved", e.note(),
                    e.approvedAt(), subjects);
        }
        if (event instanceof ExceptionDeclinedEvent e) {
            return variation(e.variationId(), e.standardId(), "Exception from '%s' declined", e.reason(),
                    e.declinedAt(), subjects);
        }
        if (event instanceof VariationReaffirmedEvent e) {
            return variation(e.variationId(), e.standardId(), "A school re-affirmed its variation from '%s' against"
                    + " version " + e.version(), e.justification(), e.reaffirmedAt(), subjects);
        }
        if (event instanceof VariationWithdrawnEvent e) {
            return variation(e.variationId(), e.standardId(), "A school withdrew its variation from '%s'",
                    e.reason(), e.withdrawnAt(), subjects);
        }
        if (event instanceof VariationRevokedEvent e) {
            return variation(e.variationId(), e.standardId(), "The trust revoked a variation from '%s'", e.reason(),
                    e.revokedAt(), subjects);
        }
        if (event instanceof VariationExpiredEvent e) {
            return variation(e.variationId(), e.standardId(), "A variation from '%s' ended on " + e.expiredOn(),
                    e.reason(), e.expiredOn().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), subjects);
        }
        if (event instanceof RequestRaisedEvent e) {
            String route = e.routedToExecutive() ? "the trust executive, as no team's remit covers " + e.area()
                    : e.routedTeamIds().stream().map(t -> "team '" + subjects.apply(t).title() + "'")
                            .collect(java.util.stream.Collectors.joining(" and "));
            return new Narration("request", e.requestId(), e.area(), "School '" + subjects.apply(e.schoolId()).title()
                    + "' asked for standardisation: '" + e.title() + "', sent to " + route, e.reason(),
                    e.raisedAt(), e.title());
        }
        if (event instanceof RequestSupportedEvent e) {
            return request(e.requestId(), "School '" + subjects.apply(e.schoolId()).title()
                    + "' supported the request '%s'", e.reason(), e.supportedAt(), subjects);
        }
        if (event instanceof RequestTakenUpEvent e) {
            return request(e.requestId(), "Team '" + subjects.apply(e.teamId()).title()
                    + "' took up the request '%s' as proposal '" + subjects.apply(e.proposalId()).title() + "'",
                    null, e.takenUpAt(), subjects);
        }
        if (event instanceof RequestDeclinedEvent e) {
            return request(e.requestId(), "The request '%s' was declined", e.reason(), e.declinedAt(), subjects);
        }
        if (event instanceof AttestationRecordedEvent e) {
            Subject standard = subjects.apply(e.standardId());
            return new Narration("attestation", e.attestationId(), standard.area(), "School '"
                    + subjects.apply(e.schoolId()).title() + "' attested that it meets '" + standard.title()
                    + "' (version " + e.version() + ", attested " + e.cadence().name().toLowerCase(Locale.ROOT)
                    + ")" + (e.evidence() == null || e.evidence().isEmpty() ? ""
                    : ", with evidence: " + String.join("; ", e.evidence())), e.statement(), e.attestedAt(), null);
        }
        if (event instanceof AttestationFellDueEvent e) {
            Subject standard = subjects.apply(e.standardId());
            int heads = e.headteacherIds() == null ? 0 : e.headteacherIds().size();
            return new Narration("standard", e.standardId(), standard.area(), "School '"
                    + subjects.apply(e.schoolId()).title() + "' owes its attestation of '" + standard.title()
                    + "' (version " + e.version() + ", attested " + e.cadence().name().toLowerCase(Locale.ROOT)
                    + ") for the period from " + e.periodStart() + ", due by " + e.dueBy() + ": "
                    + (heads == 0 ? "the school has no headteacher on record to tell"
                    : heads == 1 ? "its headteacher was told" : "its " + heads + " headteachers were told"),
                    null, e.recordedAt(), null);
        }
        if (event instanceof QaFindingRecordedEvent e) {
            Subject standard = subjects.apply(e.standardId());
            String whose = "school '" + subjects.apply(e.schoolId()).title() + "''s attestation of '"
                    + standard.title() + "'";
            String summary = e.outcome() == QaOutcome.CONFIRMED
                    ? "A quality-assurance visit on " + e.visitedOn() + " confirmed " + whose
                    : "A quality-assurance visit on " + e.visitedOn() + " challenged " + whose + "; agreed actions: "
                    + String.join("; ", e.actions()) + "; follow-up by " + e.followUpBy();
            return new Narration("attestation", e.attestationId(), standard.area(), summary, e.notes(),
                    e.recordedAt(), null);
        }
        // a peer review is read by the two schools and the trust's leadership only: the log, which all the trust
        // reads, says that it happened and how it moved on, never what was found or agreed
        if (event instanceof PeerReviewRecordedEvent e) {
            String reviewed = subjects.apply(e.reviewedSchoolId()).title();
            String by = e.reviewingSchoolId() != null ? "school '" + subjects.apply(e.reviewingSchoolId()).title() + "'"
                    : "team '" + subjects.apply(e.reviewingTeamId()).title() + "'";
            return of("peerReview", e.peerReviewId(), "School '" + reviewed + "' was peer-reviewed by " + by + " on "
                    + e.reviewedOn() + " (" + e.areas().stream().map(Enum::name)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")", null, e.recordedAt(),
                    "the peer review of '" + reviewed + "' on " + e.reviewedOn());
        }
        if (event instanceof PeerReviewFindingAddedEvent e) {
            return peerReview(e.peerReviewId(), e.area(), "A finding (" + e.kind() + ") was recorded in %s",
                    e.addedAt(), subjects);
        }
        if (event instanceof PeerReviewActionAgreedEvent e) {
            return peerReview(e.peerReviewId(), null, "An action was agreed in %s, due by " + e.dueBy(), e.agreedAt(),
                    subjects);
        }
        if (event instanceof PeerReviewActionFollowedUpEvent e) {
            return peerReview(e.peerReviewId(), null, "An action agreed in %s was followed up: " + e.progress(),
                    e.followedUpAt(), subjects);
        }
        if (event instanceof PeerReviewFindingRaisedAsRequestEvent e) {
            return peerReview(e.peerReviewId(), null, "A finding of %s was raised as the request '"
                    + subjects.apply(e.requestId()).title() + "'", e.raisedAt(), subjects);
        }
        if (event instanceof PeerReviewFindingNotedAgainstStandardEvent e) {
            return peerReview(e.peerReviewId(), subjects.apply(e.standardId()).area(), "A finding of %s was noted"
                    + " against standard '" + subjects.apply(e.standardId()).title() + "' version " + e.version(),
                    e.notedAt(), subjects);
        }
        return of("event", null, event.getClass().getSimpleName(), null, recordedAt, null);
    }

    /** Words for a cadence that asks for attestation; nothing for NONE (and for versions before cadences). */
    private static String attested(AttestationCadence cadence) {
        return cadence == null || cadence == AttestationCadence.NONE ? ""
                : ", attested " + cadence.name().toLowerCase(Locale.ROOT) + " by each school it applies to";
    }

    /**
     * Words for an applicability that narrows: nothing for every school (the words the log always had), else
     * ", applying to PRIMARY schools".
     */
    private static String applyingTo(Applicability applicability) {
        return applicability == null || applicability.coversEverySchool() ? ""
                : ", applying to " + applicability.describe();
    }

    /** What the log knows of a subject from the first event that named it. */
    record Subject(String title, Area area) {
    }

    private static Narration of(String type, String id, String summary, String rationale, Instant at, String title) {
        return new Narration(type, id, null, summary, rationale, at, title);
    }

    /** Later events of a proposal name it by id: its title and area come from its draft. */
    private static Narration proposal(String proposalId, String summary, String rationale, Instant at,
                                      Function<String, Subject> subjects) {
        Subject proposal = subjects.apply(proposalId);
        return new Narration("proposal", proposalId, proposal.area(), summary.formatted(proposal.title()), rationale,
                at, null);
    }

    /** Later events of a request name it by id: its title and area come from the request as raised. */
    private static Narration request(String requestId, String summary, String rationale, Instant at,
                                     Function<String, Subject> subjects) {
        Subject request = subjects.apply(requestId);
        return new Narration("request", requestId, request.area(), summary.replace("%s", request.title()), rationale,
                at, null);
    }

    /** Later events of a peer review name it by id: its words come from the review as recorded. */
    private static Narration peerReview(String peerReviewId, Area area, String summary, Instant at,
                                        Function<String, Subject> subjects) {
        return new Narration("peerReview", peerReviewId, area, summary.replace("%s",
                subjects.apply(peerReviewId).title()), null, at, null);
    }

    /** A variation is about its standard: the standard's title and area. */
    private static Narration variation(String variationId, String standardId, String summary, String rationale,
                                       Instant at, Function<String, Subject> subjects) {
        Subject standard = subjects.apply(standardId);
        return new Narration("variation", variationId, standard.area(), summary.formatted(standard.title()),
                rationale, at, null);
    }
}
