package org.accord.app.proposal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.accord.api.proposal.AdoptionDeclinedEvent;
import org.accord.api.proposal.CastVoteCommand;
import org.accord.api.proposal.CloseVotingCommand;
import org.accord.api.proposal.RemindVotersCommand;
import org.accord.api.proposal.VotingClosingSoonEvent;
import org.accord.api.proposal.DeclineAdoptionCommand;
import org.accord.api.proposal.DelegateVoteCommand;
import org.accord.api.proposal.DelegatedVotes;
import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.OpenVotingCommand;
import org.accord.api.proposal.ProposalAdoptedEvent;
import org.accord.api.proposal.ProposalChanges;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalRevisedEvent;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.RecuseCommand;
import org.accord.api.proposal.ReviseProposalCommand;
import org.accord.api.proposal.RevokeVoteDelegationCommand;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VoteDelegatedEvent;
import org.accord.api.proposal.VoteDelegationRevokedEvent;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.proposal.WithdrawProposalCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Applicability;
import org.accord.api.team.DecisionRule;
import org.accord.app.shared.Check;
import org.accord.app.shared.DomainClock;
import org.accord.app.standard.AdoptedText;
import org.accord.app.standard.StandardLookup;
import org.accord.app.team.PeriodDelegation;
import org.accord.app.team.TeamRoster;
import org.accord.app.team.TeamRosters;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A proposal of a cross-cutting team, from its draft through its revisions and its vote to an outcome. The vote is
 * counted by {@link DecisionReckoning} under the rule and the voters fixed when voting opened.
 * <p>
 * Refusals are FORBIDDEN for a caller of the trust without the right (a member of another team proposing, a member
 * opening voting), NOT_FOUND for a caller outside the trust, BAD_REQUEST when the request could never be right (an
 * objection without a rationale, a vote before voting opened), and CONFLICT when the proposal has moved past the
 * state the request needed (voting has closed, a revision after voting opened, a stale revision number): what a
 * client racing another one meets.
 */
@Aggregate(cache = "aggregateCache")
public class Proposal {

    static final Duration MAX_VOTING_WINDOW = Duration.ofDays(366);

    @AggregateIdentifier
    private String proposalId;
    private String trustId;
    private String teamId;
    private String proposerId;
    private ProposalKind kind;
    private String standardId;
    private Integer amendsVersion;
    private ProposalStatus status;
    private ProposalContent content;
    private int revision;
    private List<String> eligibleVoters = List.of();
    private DecisionRule rule;
    private Instant closesAt;
    private Instant openedAt;
    private boolean votersReminded;
    private final Map<String, VoteChoice> standing = new HashMap<>();
    private final Set<String> recused = new HashSet<>();
    /** The delegations in force (not revoked), by delegator: at most one each. */
    private final Map<String, InForce> delegations = new LinkedHashMap<>();

    private record InForce(String delegationId, String delegateId) {
    }

    protected Proposal() {
        // for Axon
    }

    @CommandHandler
    public Proposal(DraftProposalCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                    TeamRosters teams, TrustRosters trusts, StandardLookup standards) {
        Check.present(command.proposalId(), "proposalId");
        TeamRoster team = teams.of(command.teamId());
        if (!team.isMember(actorId)) {
            if (!trusts.of(team.trustId()).hasPerson(actorId)) {
                throw DomainException.notFound("unknown team '" + command.teamId() + "'");
            }
            throw DomainException.forbidden("only members of the team may propose in it");
        }
        ProposalKind proposalKind = Check.present(command.kind(), "kind");
        checkTarget(proposalKind, command, team.trustId(), standards);
        ProposalContent valid = validContent(command.content(), proposalKind);
        checkApplicability(valid, proposalKind, trusts.of(team.trustId()));
        apply(new ProposalDraftedEvent(command.proposalId(), team.trustId(), team.teamId(), proposalKind,
                command.standardId(), command.amendsVersion(), valid, actorId, now()));
    }

    @CommandHandler
    public void handle(ReviseProposalCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TeamRosters teams, TrustRosters trusts) {
        TeamRoster team = teams.of(teamId);
        requireInTrust(actorId, trusts);
        if (!team.isMember(actorId)) {
            throw DomainException.forbidden("only members of the team may revise its proposals");
        }
        if (status != ProposalStatus.DRAFT) {
            throw DomainException.conflict("the proposal is " + status + ": only a draft can be revised");
        }
        if (command.expectedRevision() != null && command.expectedRevision() != revision) {
            throw DomainException.conflict("the proposal was revised meanwhile: it is at revision " + revision
                    + ", not " + command.expectedRevision());
        }
        ProposalChanges changes = Check.present(command.changes(), "changes");
        ProposalContent revised = validContent(changes.applyTo(content), kind);
        checkApplicability(revised, kind, trusts.of(trustId));
        if (revised.equals(content)) {
            throw DomainException.badRequest("the revision changes nothing");
        }
        apply(new ProposalRevisedEvent(proposalId, trustId, teamId, revision + 1, revised,
                Check.optionalText(command.note(), "note"), actorId, now()));
    }

    @CommandHandler
    public void handle(OpenVotingCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TeamRosters teams, TrustRosters trusts) {
        TeamRoster team = teams.of(teamId);
        requireInTrust(actorId, trusts);
        if (!team.isChair(actorId)) {
            throw DomainException.forbidden("only the chair of the team may open voting");
        }
        if (status != ProposalStatus.DRAFT) {
            throw DomainException.conflict("the proposal is " + status + ": voting opens only on a draft");
        }
        Instant now = now();
        Instant deadline = command.closesAt() != null ? command.closesAt().truncatedTo(ChronoUnit.MILLIS)
                : now.plus(Duration.ofHours(team.rule().votingWindowHours()));
        if (!deadline.isAfter(now)) {
            throw DomainException.badRequest("closesAt must be in the future, was " + deadline);
        }
        if (deadline.isAfter(now.plus(MAX_VOTING_WINDOW))) {
            throw DomainException.badRequest("closesAt must be within a year, was " + deadline);
        }
        List<String> voters = List.copyOf(team.members());
        apply(new VotingOpenedEvent(proposalId, trustId, teamId, voters, team.rule(), now, deadline, actorId));
        // the period delegations in force on the day voting opens are carried in, like the voters and the rule
        for (PeriodDelegation period : team.delegationsCovering(DomainClock.today())) {
            if (voters.contains(period.delegatorId()) && voters.contains(period.delegateId())) {
                apply(new VoteDelegatedEvent(proposalId, trustId, teamId, period.delegationId() + ":" + proposalId,
                        period.delegatorId(), period.delegateId(), period.delegationId(), now));
            }
        }
    }

    /**
     * An eligible voter delegates their vote on this proposal, while voting is open. Refused: oneself, a delegate who
     * is not an eligible voter or has recused, a caller who recused, voted themselves or already delegated, and any
     * chain (the delegate has delegated their own vote, or someone has delegated theirs to the caller).
     *
     * @return the delegation's id
     */
    @CommandHandler
    public String handle(DelegateVoteCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                         TrustRosters trusts) {
        requireInTrust(actorId, trusts);
        requireVotingOpen("delegate a vote");
        requireEligible(actorId);
        String delegationId = Check.present(command.delegationId(), "delegationId");
        String delegateId = Check.present(command.delegateId(), "delegateId");
        if (delegateId.equals(actorId)) {
            throw DomainException.badRequest("you cannot delegate your vote to yourself");
        }
        if (!eligibleVoters.contains(delegateId)) {
            throw DomainException.badRequest("delegate '" + delegateId
                    + "' is not an eligible voter on this proposal (a member of the team when voting opened)");
        }
        if (recused.contains(actorId)) {
            throw DomainException.badRequest("you recused yourself from this proposal and have no vote to delegate");
        }
        if (standing.containsKey(actorId)) {
            throw DomainException.badRequest("you have voted on this proposal yourself, and your own vote stands"
                    + " over any delegation");
        }
        InForce existing = delegations.get(actorId);
        if (existing != null) {
            throw DomainException.badRequest("you have already delegated your vote on this proposal to '"
                    + existing.delegateId() + "': revoke that delegation first");
        }
        if (recused.contains(delegateId)) {
            throw DomainException.badRequest("delegate '" + delegateId
                    + "' has recused from this proposal and casts no vote on it");
        }
        if (delegations.containsKey(delegateId)) {
            throw DomainException.badRequest("a delegation chain: '" + delegateId
                    + "' has delegated their own vote on this proposal, and a delegated vote cannot be passed on");
        }
        delegations.entrySet().stream().filter(e -> e.getValue().delegateId().equals(actorId)).findFirst()
                .ifPresent(e -> {
                    throw DomainException.badRequest("a delegation chain: '" + e.getKey()
                            + "' has delegated their vote on this proposal to you, and a delegated vote cannot be"
                            + " passed on");
                });
        apply(new VoteDelegatedEvent(proposalId, trustId, teamId, delegationId, actorId, delegateId, null, now()));
        return delegationId;
    }

    /** The delegator takes their vote back, until voting closes; they may then vote, or delegate it to another. */
    @CommandHandler
    public String handle(RevokeVoteDelegationCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                         TrustRosters trusts) {
        requireInTrust(actorId, trusts);
        requireVotingOpen("revoke a delegation");
        requireEligible(actorId);
        InForce delegation = delegations.get(actorId);
        if (delegation == null) {
            throw DomainException.badRequest("you have not delegated your vote on this proposal");
        }
        apply(new VoteDelegationRevokedEvent(proposalId, trustId, teamId, delegation.delegationId(), actorId,
                now()));
        return delegation.delegationId();
    }

    @CommandHandler
    public void handle(CastVoteCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        requireInTrust(actorId, trusts);
        requireVotingOpen("vote");
        requireEligible(actorId);
        if (recused.contains(actorId)) {
            throw DomainException.badRequest("you recused yourself from this proposal and cannot vote on it");
        }
        VoteChoice choice = Check.present(command.choice(), "choice");
        String rationale = Check.optionalText(command.rationale(), "rationale");
        if (choice == VoteChoice.OBJECT && rationale == null) {
            throw DomainException.badRequest("an objection needs a rationale");
        }
        apply(new VoteCastEvent(proposalId, trustId, teamId, actorId, choice, rationale, now()));
    }

    @CommandHandler
    public void handle(RecuseCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        requireInTrust(actorId, trusts);
        requireVotingOpen("recuse");
        requireEligible(actorId);
        if (recused.contains(actorId)) {
            throw DomainException.badRequest("you have already recused yourself from this proposal");
        }
        String interest = Check.optionalText(command.interest(), "interest");
        if (interest == null) {
            throw DomainException.badRequest("interest must not be blank: say what the interest is");
        }
        apply(new VoterRecusedEvent(proposalId, trustId, teamId, actorId, interest, now()));
    }

    /** By the chair at any time while voting is open, or by Accord itself once the deadline has passed. */
    @CommandHandler
    public void handle(CloseVotingCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TeamRosters teams, TrustRosters trusts) {
        Instant now = now();
        boolean system = Actor.SYSTEM.equals(actorId);
        if (!system) {
            requireInTrust(actorId, trusts);
            if (!teams.of(teamId).isChair(actorId)) {
                throw DomainException.forbidden("only the chair of the team may close voting");
            }
        }
        if (status != ProposalStatus.VOTING) {
            throw DomainException.conflict("voting is not open: the proposal is " + status);
        }
        boolean atDeadline = !now.isBefore(closesAt);
        if (system && !atDeadline) {
            throw DomainException.conflict("voting closes at " + closesAt + ", not before");
        }
        // a vote that ran past its deadline ended at the deadline, whenever the close is recorded
        Instant closedAt = atDeadline ? closesAt : now;
        DecisionReckoning.Result result = DecisionReckoning.reckon(rule, eligibleVoters, standing, recused,
                delegations.entrySet().stream()
                        .map(e -> new DelegatedVotes.Delegation(e.getKey(), e.getValue().delegateId())).toList());
        apply(new VotingClosedEvent(proposalId, trustId, teamId, result.outcome(), result.tally(), closedAt,
                atDeadline, actorId));
    }

    /**
     * Accord itself reminds the voters who have not voted, recused or delegated, once, from 48 hours before the
     * deadline (the scheduler finds it due in the read models, so a reminder due while Accord was down is recorded at
     * the next start). A vote open for 48 hours or less gets none: its opening notice already carries the deadline.
     */
    @CommandHandler
    public void handle(RemindVotersCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        if (!Actor.SYSTEM.equals(actorId)) {
            throw DomainException.forbidden("voters are reminded by Accord itself, not on request");
        }
        if (status != ProposalStatus.VOTING) {
            throw DomainException.conflict("voting is not open: the proposal is " + status);
        }
        if (votersReminded) {
            throw DomainException.conflict("the voters were already reminded");
        }
        Instant due = closesAt.minus(VotingClosingSoonEvent.BEFORE_DEADLINE);
        if (!due.isAfter(openedAt)) {
            throw DomainException.conflict("voting was open for 48 hours or less: no reminder is due");
        }
        Instant now = now();
        if (now.isBefore(due)) {
            throw DomainException.conflict("the reminder is due at " + due + ", not before");
        }
        List<String> notYetVoted = eligibleVoters.stream()
                .filter(v -> !standing.containsKey(v) && !recused.contains(v) && !delegations.containsKey(v))
                .toList();
        apply(new VotingClosingSoonEvent(proposalId, trustId, teamId, notYetVoted, eligibleVoters.size(), closesAt,
                now));
    }

    @CommandHandler
    public void handle(WithdrawProposalCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TeamRosters teams, TrustRosters trusts) {
        requireInTrust(actorId, trusts);
        if (!actorId.equals(proposerId) && !teams.of(teamId).isChair(actorId)) {
            throw DomainException.forbidden("only the proposer or the chair of the team may withdraw a proposal");
        }
        if (status.isDecided()) {
            throw DomainException.conflict("the proposal is already " + status);
        }
        if (status == ProposalStatus.VOTING && !now().isBefore(closesAt)) {
            throw DomainException.conflict("voting closed at " + closesAt + ": the outcome stands");
        }
        String reason = Check.optionalText(command.reason(), "reason");
        if (reason == null) {
            throw DomainException.badRequest("reason must not be blank");
        }
        apply(new ProposalWithdrawnEvent(proposalId, trustId, teamId, reason, actorId, now()));
    }

    /**
     * Checks that the caller may adopt this proposal and that it can be adopted (RATIFIED, not yet adopted), and
     * says what adopting it puts into the backbone. Called by AdoptionHandler, which then changes the standard and
     * marks this proposal adopted in the same unit of work.
     */
    /**
     * @param clusterId       the cluster the caller adopts a cluster standard for (null: the whole trust)
     * @param standardCluster the cluster of the standard an amendment or retirement is about (null: the trust's)
     */
    public AdoptionPlan planAdoption(String actorId, TrustRosters trusts, LocalDate effectiveFrom,
                                     LocalDate reviewBy, String clusterId, String standardCluster) {
        String scope = AdoptionRights.check(actorId, trusts.of(trustId), trusts.decisionRights(trustId),
                content.area(), kind, clusterId, standardCluster, DomainClock.today(), "adopt a proposal",
                DomainException.notFound("unknown proposal '" + proposalId + "'"));
        requireRatified("adopted");
        LocalDate from = effectiveFrom != null ? effectiveFrom
                : content.effectiveFrom() != null ? content.effectiveFrom()
                : DomainClock.today();
        LocalDate review = reviewBy != null ? reviewBy : content.reviewBy();
        if (review != null && !review.isAfter(from)) {
            throw DomainException.badRequest("reviewBy (" + review + ") must be after effectiveFrom (" + from + ")");
        }
        return new AdoptionPlan(trustId, kind, standardId, amendsVersion, new AdoptedText(content.title(),
                content.area(), content.alignment(), content.statement(), from, review, proposalId, actorId,
                content.applicability(), content.attestationCadence()), scope);
    }

    /** The standard an amendment or retirement is about; null for a new standard. */
    public String targetStandardId() {
        return standardId;
    }

    public void markAdopted(String adoptedStandardId, int version, String actorId) {
        apply(new ProposalAdoptedEvent(proposalId, trustId, teamId, adoptedStandardId, version, actorId, now()));
    }

    /**
     * The trust does not adopt it. Who may decline is who may adopt (the decision-rights map on the day, see
     * {@link AdoptionRights}); in an area decided by each school, where nobody may adopt, the executive closes it.
     * Called by AdoptionHandler, which knows the cluster of the standard an amendment or retirement is about.
     */
    public void decline(DeclineAdoptionCommand command, String actorId, TrustRosters trusts, String standardCluster) {
        AdoptionRights.checkDecline(actorId, trusts.of(trustId), trusts.decisionRights(trustId), content.area(), kind,
                command.clusterId(), standardCluster, DomainClock.today(),
                DomainException.notFound("unknown proposal '" + proposalId + "'"));
        requireRatified("declined");
        String reason = Check.optionalText(command.reason(), "reason");
        if (reason == null) {
            throw DomainException.badRequest("reason must not be blank: say why the trust declines it");
        }
        apply(new AdoptionDeclinedEvent(proposalId, trustId, teamId, reason, actorId, now()));
    }

    private void requireRatified(String what) {
        if (status == ProposalStatus.ADOPTED || status == ProposalStatus.DECLINED) {
            throw DomainException.conflict("the proposal was already " + status.name().toLowerCase(Locale.ROOT));
        }
        if (status != ProposalStatus.RATIFIED) {
            throw DomainException.badRequest("only a RATIFIED proposal can be " + what + "; this one is " + status);
        }
    }

    private void requireInTrust(String actorId, TrustRosters trusts) {
        if (!Actor.SYSTEM.equals(actorId) && !trusts.of(trustId).hasPerson(actorId)) {
            // the words for an id that does not exist: someone outside the trust learns nothing
            throw DomainException.notFound("unknown proposal '" + proposalId + "'");
        }
    }

    private void requireVotingOpen(String action) {
        if (status == ProposalStatus.DRAFT) {
            throw DomainException.badRequest("voting has not opened on this proposal: cannot " + action + " yet");
        }
        if (status != ProposalStatus.VOTING) {
            throw DomainException.conflict("voting is over: the proposal is " + status);
        }
        if (!now().isBefore(closesAt)) {
            throw DomainException.conflict("voting closed at " + closesAt);
        }
    }

    private void requireEligible(String actorId) {
        if (!eligibleVoters.contains(actorId)) {
            throw DomainException.forbidden("only the " + eligibleVoters.size()
                    + " members of the team when voting opened may vote on this proposal or recuse from it");
        }
    }

    private static void checkTarget(ProposalKind kind, DraftProposalCommand command, String trustId,
                                    StandardLookup standards) {
        if (kind == ProposalKind.NEW_STANDARD) {
            if (command.standardId() != null || command.amendsVersion() != null) {
                throw DomainException.badRequest("a NEW_STANDARD proposal names no standardId or amendsVersion");
            }
            return;
        }
        String standardId = Check.present(command.standardId(), "standardId");
        StandardLookup.StandardFacts standard = standards.find(trustId, standardId)
                .orElseThrow(() -> DomainException.notFound("unknown standard '" + standardId + "'"));
        if (standard.retired()) {
            throw DomainException.badRequest("standard '" + standardId + "' is retired");
        }
        if (kind == ProposalKind.AMEND_STANDARD) {
            Integer amends = Check.present(command.amendsVersion(), "amendsVersion");
            if (amends != standard.currentVersion()) {
                throw DomainException.conflict("standard '" + standardId + "' is at version "
                        + standard.currentVersion() + ": an amendment must be made against the current version, not "
                        + amends);
            }
        } else if (command.amendsVersion() != null) {
            throw DomainException.badRequest("a RETIRE_STANDARD proposal names no amendsVersion");
        }
    }

    static ProposalContent validContent(ProposalContent content, ProposalKind kind) {
        Check.present(content, "content");
        String title = Check.name(content.title(), "title");
        Check.present(content.area(), "area");
        if (kind != ProposalKind.RETIRE_STANDARD) {
            Check.present(content.alignment(), "alignment");
        }
        String statement = Check.requiredText(content.statement(), "statement");
        if (content.effectiveFrom() != null && content.reviewBy() != null
                && !content.reviewBy().isAfter(content.effectiveFrom())) {
            throw DomainException.badRequest("reviewBy (" + content.reviewBy() + ") must be after effectiveFrom ("
                    + content.effectiveFrom() + ")");
        }
        return new ProposalContent(title, content.area(), content.alignment(), statement,
                Check.optionalText(content.rationale(), "rationale"), content.effectiveFrom(), content.reviewBy(),
                content.applicability(), content.attestationCadence());
    }

    /**
     * Named schools and clusters must be the trust's. A retirement applies to nobody new, so it names no
     * applicability. Phases the trust has no school in are allowed:
     * a trust may set a standard for a phase before its first school of that phase joins (the read side warns).
     */
    static void checkApplicability(ProposalContent content, ProposalKind kind, Roster trust) {
        Applicability applies = content.applicability();
        if (applies == null) {
            return;
        }
        if (kind == ProposalKind.RETIRE_STANDARD) {
            throw DomainException.badRequest("a RETIRE_STANDARD proposal names no applicability: the standard ends"
                    + " for every school it applies to");
        }
        for (String schoolId : applies.schoolIds()) {
            if (!trust.hasSchool(schoolId)) {
                throw DomainException.badRequest("applicability names school '" + schoolId
                        + "', which is not a school of this trust");
            }
        }
        for (String clusterId : applies.clusterIds()) {
            if (!trust.hasCluster(clusterId)) {
                throw DomainException.badRequest("applicability names cluster '" + clusterId
                        + "', which is not a cluster of this trust");
            }
        }
    }



    private static Instant now() {
        return DomainClock.now();
    }

    @EventSourcingHandler
    void on(ProposalDraftedEvent event) {
        proposalId = event.proposalId();
        trustId = event.trustId();
        teamId = event.teamId();
        proposerId = event.proposerId();
        kind = event.kind();
        standardId = event.standardId();
        amendsVersion = event.amendsVersion();
        content = event.content();
        status = ProposalStatus.DRAFT;
        revision = 1;
    }

    @EventSourcingHandler
    void on(ProposalRevisedEvent event) {
        content = event.content();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(VotingOpenedEvent event) {
        status = ProposalStatus.VOTING;
        eligibleVoters = new ArrayList<>(event.eligibleVoters());
        rule = event.rule();
        closesAt = event.closesAt();
        openedAt = event.openedAt();
    }

    @EventSourcingHandler
    void on(VotingClosingSoonEvent event) {
        votersReminded = true;
    }

    @EventSourcingHandler
    void on(VoteCastEvent event) {
        standing.put(event.voterId(), event.choice());
    }

    @EventSourcingHandler
    void on(VoterRecusedEvent event) {
        recused.add(event.voterId());
        standing.remove(event.voterId());
    }

    @EventSourcingHandler
    void on(VoteDelegatedEvent event) {
        delegations.put(event.delegatorId(), new InForce(event.delegationId(), event.delegateId()));
    }

    @EventSourcingHandler
    void on(VoteDelegationRevokedEvent event) {
        delegations.remove(event.delegatorId());
    }

    @EventSourcingHandler
    void on(VotingClosedEvent event) {
        status = switch (event.outcome()) {
            case RATIFIED -> ProposalStatus.RATIFIED;
            case REJECTED -> ProposalStatus.REJECTED;
            case LAPSED -> ProposalStatus.LAPSED;
        };
    }

    @EventSourcingHandler
    void on(ProposalWithdrawnEvent event) {
        status = ProposalStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ProposalAdoptedEvent event) {
        status = ProposalStatus.ADOPTED;
    }

    @EventSourcingHandler
    void on(AdoptionDeclinedEvent event) {
        status = ProposalStatus.DECLINED;
    }
}
