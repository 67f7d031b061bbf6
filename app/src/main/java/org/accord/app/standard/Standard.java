package org.accord.app.standard;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.proposal.ProposalKind;
import org.accord.api.review.ReaffirmStandardCommand;
import org.accord.api.review.ReviewProposalRaisedEvent;
import org.accord.api.review.NoticeReviewDueCommand;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.variation.ApproveExceptionCommand;
import org.accord.api.variation.DeclineExceptionCommand;
import org.accord.api.variation.ExceptionApprovedEvent;
import org.accord.api.variation.ExceptionDeclinedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.api.variation.ExpireVariationCommand;
import org.accord.api.variation.ImplementationRecordedEvent;
import org.accord.api.variation.ReaffirmVariationCommand;
import org.accord.api.variation.RecordImplementationCommand;
import org.accord.api.variation.RequestExceptionCommand;
import org.accord.api.variation.RevokeVariationCommand;
import org.accord.api.variation.VariationExpiredEvent;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationReaffirmedEvent;
import org.accord.api.variation.VariationRevokedEvent;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationWithdrawnEvent;
import org.accord.api.variation.WithdrawVariationCommand;
import org.accord.app.shared.Check;
import org.accord.app.shared.DomainClock;
import org.accord.app.trust.DecisionRights;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A standard of the backbone: its linear versions, its retirement, and every school's variation against it. The
 * variations live here because their rules are the standard's (which alignment, which version is current, whether
 * it is retired), and because a new version is what makes them drift.
 * <p>
 * Dates are calendar dates in UTC.
 */
@Aggregate(cache = "aggregateCache")
public class Standard {


    @AggregateIdentifier
    private String standardId;
    private String trustId;
    private final List<VersionFacts> versions = new ArrayList<>();
    private boolean retired;
    private LocalDate retiredOn;
    private String clusterId;
    /** When the current version is next to be reviewed: its own date, or the one its latest reaffirmation set. */
    private LocalDate reviewBy;
    /** The review date last recorded as due: each date falls due once. */
    private LocalDate reviewNoticedFor;
    private final Map<String, VariationState> variations = new LinkedHashMap<>();

    /** {@code applicability} null: every school (as recorded before applicability existed). */
    /** {@code cadence} null: NONE (as recorded before cadences existed), kept null so an amendment inherits null. */
    record VersionFacts(int number, AlignmentLevel alignment, LocalDate effectiveFrom, Applicability applicability,
                        AttestationCadence cadence) {
    }

    /** Mutable, for the event sourcing handlers; equal by value, so Axon's test fixture can compare states. */
    static final class VariationState {
        final String schoolId;
        final VariationKind kind;
        VariationStatus status;
        int version;
        LocalDate until;

        VariationState(String schoolId, VariationKind kind, VariationStatus status, int version, LocalDate until) {
            this.schoolId = schoolId;
            this.kind = kind;
            this.status = status;
            this.version = version;
            this.until = until;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof VariationState v && schoolId.equals(v.schoolId) && kind == v.kind
                    && status == v.status && version == v.version && java.util.Objects.equals(until, v.until);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(schoolId, kind, status, version, until);
        }
    }

    protected Standard() {
        // for Axon
    }

    private Standard(StandardVersionAdoptedEvent first, String clusterId) {
        apply(first);
        if (clusterId != null) {
            apply(new StandardVersionScopedToClusterEvent(first.standardId(), first.trustId(), first.version(),
                    clusterId, first.adoptedBy()));
        }
    }

    /** Version 1, adopted from a ratified NEW_STANDARD proposal (see AdoptionHandler). */
    public static Standard adopt(StandardVersionAdoptedEvent first) {
        return new Standard(first, null);
    }

    /**
     * Version 1 of a cluster standard (clusterId given) or of a standard of the whole trust (null): adopted from a
     * ratified NEW_STANDARD proposal (see AdoptionHandler).
     */
    public static Standard adopt(StandardVersionAdoptedEvent first, String clusterId) {
        return new Standard(first, clusterId);
    }

    /** The cluster this is a cluster standard of; null for a standard of the whole trust. */
    public String clusterId() {
        return clusterId;
    }

    /** The next version, from a ratified AMEND_STANDARD proposal made against the version that is current now. */
    public int amend(int amendsVersion, AdoptedText draft) {
        if (retired) {
            throw DomainException.badRequest("standard '" + standardId + "' is retired");
        }
        int current = current().number();
        if (amendsVersion != current) {
            throw DomainException.conflict("standard '" + standardId + "' is at version " + current
                    + ": the proposal amends version " + amendsVersion + ", which is no longer current");
        }
        if (draft.effectiveFrom().isBefore(current().effectiveFrom())) {
            throw DomainException.badRequest("effectiveFrom " + draft.effectiveFrom() + " is before version " + current
                    + " takes effect (" + current().effectiveFrom() + ")");
        }
        apply(draft.asVersion(standardId, trustId, current + 1, current().applicability(), current().cadence()));
        if (clusterId != null) {
            // a cluster standard's next version is its cluster's, as every version before it
            apply(new StandardVersionScopedToClusterEvent(standardId, trustId, current + 1, clusterId,
                    draft.adoptedBy()));
        }
        return current + 1;
    }

    /** Retires the standard from {@code retiredOn}; its open variations end then. */
    public void retire(LocalDate retiredOn, String proposalId, String actorId) {
        if (retired) {
            throw DomainException.conflict("standard '" + standardId + "' is already retired");
        }
        Instant now = now();
        apply(new StandardRetiredEvent(standardId, trustId, retiredOn, proposalId, actorId, now));
        variations.forEach((id, v) -> {
            if (v.status.isOpen()) {
                apply(new VariationExpiredEvent(id, standardId, trustId, v.schoolId, retiredOn, "standard retired",
                        now));
            }
        });
    }

    /**
     * The version in force on {@code day} (the highest-numbered one effective by then), as an attestation is checked
     * against it; empty before version 1 takes effect and from the day a retirement takes effect.
     */
    public java.util.Optional<VersionInForce> versionInForce(LocalDate day) {
        if (retiredOn != null && !day.isBefore(retiredOn)) {
            return java.util.Optional.empty();
        }
        return versions.stream().filter(v -> !v.effectiveFrom().isAfter(day))
                .reduce((earlier, later) -> later)
                .map(v -> new VersionInForce(trustId, v.number(), AttestationCadence.of(v.cadence()),
                        Applicability.of(v.applicability()),
                        clusterId));
    }

    /**
     * The standard was reviewed and stays as it is, decided by whoever adopts for its scope (the executive for a
     * standard of the whole trust, the cluster's lead for a cluster standard): the same right that would adopt an
     * amendment or a retirement of it.
     */
    @CommandHandler
    public void handle(ReaffirmStandardCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        trusts.decisionRights(trustId).requireDecidesFor(actorId, trusts.of(trustId), clusterId,
                "reaffirm this standard", unknownStandard());
        requireReviewable();
        String rationale = Check.requiredText(command.rationale(), "rationale");
        LocalDate next = futureDate(command.nextReviewBy(), "nextReviewBy", true);
        if (!next.isAfter(current().effectiveFrom())) {
            throw DomainException.badRequest("nextReviewBy " + next + " must be after version " + current().number()
                    + " takes effect (" + current().effectiveFrom() + ")");
        }
        apply(new StandardReaffirmedEvent(standardId, trustId, current().number(), rationale, reviewBy, next,
                actorId, now()));
    }

    /**
     * The standard's review date came within the review window (or passed): Accord records it once per review date
     * and tells whoever may reaffirm the standard (the same question {@link #handle(ReaffirmStandardCommand, String,
     * TrustRosters)} asks: the executives, or the cluster's lead). A reaffirmation or a new version sets a new date,
     * which falls due in its turn.
     */
    @CommandHandler
    public void handle(NoticeReviewDueCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        if (!Actor.SYSTEM.equals(actorId)) {
            throw DomainException.forbidden("a review falls due by the calendar: Accord records it, not on request");
        }
        requireReviewable();
        if (reviewBy == null) {
            throw DomainException.badRequest("standard '" + standardId + "' has no review date");
        }
        LocalDate from = reviewBy.minusDays(StandardReviewFellDueEvent.NOTICE_DAYS);
        if (today().isBefore(from)) {
            throw DomainException.conflict("the review by " + reviewBy + " is due from " + from + ", not before");
        }
        if (reviewBy.equals(reviewNoticedFor)) {
            throw DomainException.conflict("the review by " + reviewBy + " is already recorded as due");
        }
        List<String> deciders = clusterId == null ? trusts.of(trustId).executives()
                : trusts.decisionRights(trustId).cluster(clusterId).map(DecisionRights.ClusterLead::leadId)
                        .filter(java.util.Objects::nonNull).map(List::of).orElse(List.of());
        apply(new StandardReviewFellDueEvent(standardId, trustId, current().number(), reviewBy, deciders, now()));
    }

    /** A review outcome is for a standard in the backbone: a retired one has nothing left to review. */
    public void requireReviewable() {
        if (retired) {
            throw DomainException.badRequest("standard '" + standardId + "' is retired: it has no review outcome");
        }
    }

    /**
     * Links a proposal drafted from a review (see StandardReviews, which drafts it in the same unit of work) to the
     * standard's current version and the review date it answers.
     */
    public void recordReviewProposal(String proposalId, String teamId, ProposalKind kind, String actorId) {
        requireReviewable();
        apply(new ReviewProposalRaisedEvent(standardId, trustId, current().number(), proposalId, teamId, kind,
                reviewBy, actorId, now()));
    }

    public StandardLookup.StandardFacts facts() {
        return new StandardLookup.StandardFacts(trustId, current().number(), retired);
    }

    @CommandHandler
    public String handle(RecordImplementationCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                         TrustRosters trusts) {
        requireHeadteacher(actorId, command.schoolId(), trusts);
        requireVariable(AlignmentLevel.ADAPTABLE, command.version());
        requireApplies(command.schoolId(), trusts);
        requireNoOpenVariation(command.schoolId());
        String variationId = Check.present(command.variationId(), "variationId");
        LocalDate reviewBy = futureDate(command.reviewBy(), "reviewBy", false);
        apply(new ImplementationRecordedEvent(variationId, standardId, trustId, command.schoolId(), command.version(),
                Check.requiredText(command.description(), "description"),
                Check.requiredText(command.justification(), "justification"), reviewBy, actorId, now()));
        return variationId;
    }

    @CommandHandler
    public String handle(RequestExceptionCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                         TrustRosters trusts) {
        requireHeadteacher(actorId, command.schoolId(), trusts);
        requireVariable(AlignmentLevel.REQUIRED, command.version());
        requireApplies(command.schoolId(), trusts);
        requireNoOpenVariation(command.schoolId());
        String variationId = Check.present(command.variationId(), "variationId");
        LocalDate expiresOn = futureDate(command.expiresOn(), "expiresOn", true);
        apply(new ExceptionRequestedEvent(variationId, standardId, trustId, command.schoolId(), command.version(),
                Check.requiredText(command.description(), "description"),
                Check.requiredText(command.justification(), "justification"), expiresOn, actorId, now()));
        return variationId;
    }

    @CommandHandler
    public void handle(ApproveExceptionCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        requireExecutive(actorId, "approve an exception", trusts);
        VariationState v = exception(command.variationId());
        if (v.status != VariationStatus.REQUESTED) {
            throw DomainException.conflict("the exception is " + v.status + ": only a requested one can be approved");
        }
        if (v.until != null && !v.until.isAfter(today())) {
            throw DomainException.conflict("the exception expired on " + v.until + " before it was approved");
        }
        if (v.version != current().number()) {
            throw DomainException.conflict("the exception was requested against version " + v.version
                    + "; the standard is at version " + current().number() + ": the school must re-affirm it first");
        }
        apply(new ExceptionApprovedEvent(command.variationId(), standardId, trustId, v.schoolId,
                Check.optionalText(command.note(), "note"), actorId, now()));
    }

    @CommandHandler
    public void handle(DeclineExceptionCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        requireExecutive(actorId, "decline an exception", trusts);
        VariationState v = exception(command.variationId());
        if (v.status != VariationStatus.REQUESTED) {
            throw DomainException.conflict("the exception is " + v.status + ": only a requested one can be declined");
        }
        apply(new ExceptionDeclinedEvent(command.variationId(), standardId, trustId, v.schoolId,
                Check.requiredText(command.reason(), "reason"), actorId, now()));
    }

    /**
     * Re-affirms a variation against the current version with a fresh justification, and may renew its date. An
     * implementation stays RECORDED; an exception goes back to REQUESTED, because the trust approved a departure from
     * the text it saw, not from whatever the standard says now.
     */
    @CommandHandler
    public void handle(ReaffirmVariationCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        VariationState v = variation(command.variationId());
        requireHeadteacher(actorId, v.schoolId, trusts);
        if (retired) {
            throw DomainException.badRequest("standard '" + standardId + "' is retired");
        }
        if (!v.status.isOpen()) {
            throw DomainException.conflict("the variation is " + v.status + ": record a new one instead");
        }
        if (v.until != null && !v.until.isAfter(today())) {
            // it lapsed on its date, recorded or not: reviving it would rewrite what was in force since
            throw DomainException.conflict("the variation lapsed on " + v.until + ": record a new one instead");
        }
        Integer version = Check.present(command.version(), "version");
        requireExistingCurrentVersion(version);
        AlignmentLevel alignment = current().alignment();
        if (alignment != alignmentFor(v.kind)) {
            String instead = alignment == AlignmentLevel.GUIDANCE ? "; withdraw it: GUIDANCE needs no variation"
                    : alignment == AlignmentLevel.REQUIRED ? "; withdraw it and request an exception"
                    : "; withdraw it and record an implementation";
            throw DomainException.badRequest("version " + version + " is " + alignment + ": the "
                    + v.kind.name().toLowerCase(java.util.Locale.ROOT) + " cannot be re-affirmed against it"
                    + instead);
        }
        requireApplies(v.schoolId, trusts);
        LocalDate until = command.until() != null
                ? futureDate(command.until(), v.kind == VariationKind.EXCEPTION ? "expiresOn" : "reviewBy", false)
                : v.until;
        apply(new VariationReaffirmedEvent(command.variationId(), standardId, trustId, v.schoolId, version,
                Check.requiredText(command.justification(), "justification"), until, actorId, now()));
    }

    @CommandHandler
    public void handle(WithdrawVariationCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        VariationState v = variation(command.variationId());
        requireHeadteacher(actorId, v.schoolId, trusts);
        if (!v.status.isOpen()) {
            throw DomainException.conflict("the variation is already " + v.status);
        }
        apply(new VariationWithdrawnEvent(command.variationId(), standardId, trustId, v.schoolId,
                Check.requiredText(command.reason(), "reason"), actorId, now()));
    }

    @CommandHandler
    public void handle(RevokeVariationCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        requireExecutive(actorId, "revoke a variation", trusts);
        VariationState v = variation(command.variationId());
        if (!v.status.isInForce()) {
            throw DomainException.conflict("the variation is " + v.status + ": only one in force can be revoked");
        }
        apply(new VariationRevokedEvent(command.variationId(), standardId, trustId, v.schoolId,
                Check.requiredText(command.reason(), "reason"), actorId, now()));
    }

    /** Accord itself, once the variation's review or expiry date has come (see VariationExpiries). */
    @CommandHandler
    public void handle(ExpireVariationCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        if (!Actor.SYSTEM.equals(actorId)) {
            throw DomainException.forbidden("variations expire by their date, not by request");
        }
        VariationState v = variation(command.variationId());
        if (!v.status.isOpen() || v.until == null || v.until.isAfter(today())) {
            throw DomainException.conflict("the variation is " + v.status
                    + (v.until == null ? " with no review or expiry date" : " until " + v.until));
        }
        apply(new VariationExpiredEvent(command.variationId(), standardId, trustId, v.schoolId, v.until,
                v.kind == VariationKind.EXCEPTION ? "expiry date reached" : "review date reached", now()));
    }

    /**
     * A school varies only from a standard that applies to it: the current version must cover it by its phase or
     * cluster today, or by one it is recorded to take later (a school may prepare before it joins). Where the roster
     * knows nothing of the school's phase, nothing is refused here.
     */
    private void requireApplies(String schoolId, TrustRosters trusts) {
        Roster.SchoolStanding standing = trusts.of(trustId).standing(schoolId);
        Applicability applies = Applicability.of(current().applicability());
        if (standing != null && !standing.mayBeCoveredBy(applies, schoolId)) {
            throw DomainException.badRequest("standard '" + standardId + "' version " + current().number()
                    + " applies to " + applies.describe() + ", and school '" + schoolId
                    + "' is not among them: it needs no variation");
        }
        if (standing != null && clusterId != null && !standing.clusterIds().contains(clusterId)) {
            throw DomainException.badRequest("standard '" + standardId + "' is a standard of cluster '" + clusterId
                    + "', and school '" + schoolId + "' is not in it: it needs no variation");
        }
    }

    private void requireHeadteacher(String actorId, String schoolId, TrustRosters trusts) {
        Roster roster = trusts.of(trustId);
        if (!roster.hasPerson(actorId)) {
            throw unknownStandard();
        }
        Check.present(schoolId, "schoolId");
        if (!roster.hasSchool(schoolId)) {
            throw DomainException.badRequest("schoolId '" + schoolId + "' is not a school of this trust");
        }
        if (!roster.isHeadteacherOf(actorId, schoolId)) {
            throw DomainException.forbidden("only the headteacher of that school may do this for it");
        }
    }

    private void requireExecutive(String actorId, String action, TrustRosters trusts) {
        trusts.of(trustId).requireExecutive(actorId, action, unknownStandard());
    }

    private void requireVariable(AlignmentLevel needed, Integer version) {
        if (retired) {
            throw DomainException.badRequest("standard '" + standardId + "' is retired: it takes no variations");
        }
        Check.present(version, "version");
        requireExistingCurrentVersion(version);
        AlignmentLevel alignment = current().alignment();
        if (alignment == AlignmentLevel.GUIDANCE) {
            throw DomainException.badRequest("a GUIDANCE standard needs no variation: schools are free");
        }
        if (alignment != needed) {
            throw DomainException.badRequest(alignment == AlignmentLevel.REQUIRED
                    ? "the standard is REQUIRED: a school may only request an exception from it"
                    : "the standard is ADAPTABLE: a school records how it implements it, no exception is needed");
        }
    }

    private void requireExistingCurrentVersion(int version) {
        int current = current().number();
        if (version < 1 || version > current) {
            throw DomainException.badRequest("standard '" + standardId + "' has no version " + version
                    + " (versions 1 to " + current + ")");
        }
        if (version != current) {
            throw DomainException.conflict("standard '" + standardId + "' is at version " + current
                    + ": a variation is made against the current version, not " + version);
        }
    }

    private void requireNoOpenVariation(String schoolId) {
        variations.forEach((id, v) -> {
            if (v.schoolId.equals(schoolId) && v.status.isOpen()) {
                throw DomainException.conflict("the school already has variation '" + id + "' (" + v.status
                        + ") against this standard: re-affirm or withdraw it");
            }
        });
    }

    private VariationState variation(String variationId) {
        VariationState v = variationId == null ? null : variations.get(variationId);
        if (v == null) {
            throw DomainException.notFound("unknown variation '" + variationId + "'");
        }
        return v;
    }

    private VariationState exception(String variationId) {
        VariationState v = variation(variationId);
        if (v.kind != VariationKind.EXCEPTION) {
            throw DomainException.badRequest("variation '" + variationId + "' is an implementation, not an exception");
        }
        return v;
    }

    private DomainException unknownStandard() {
        return DomainException.notFound("unknown standard '" + standardId + "'");
    }

    private VersionFacts current() {
        return versions.get(versions.size() - 1);
    }

    private static AlignmentLevel alignmentFor(VariationKind kind) {
        return kind == VariationKind.EXCEPTION ? AlignmentLevel.REQUIRED : AlignmentLevel.ADAPTABLE;
    }

    private static LocalDate futureDate(LocalDate date, String field, boolean required) {
        if (date == null) {
            if (required) {
                throw DomainException.badRequest(field + " is required");
            }
            return null;
        }
        if (!date.isAfter(today())) {
            throw DomainException.badRequest(field + " must be in the future, was " + date);
        }
        return date;
    }



    private static Instant now() {
        return DomainClock.now();
    }

    private static LocalDate today() {
        return DomainClock.today();
    }

    @EventSourcingHandler
    void on(StandardVersionAdoptedEvent event) {
        standardId = event.standardId();
        trustId = event.trustId();
        versions.add(new VersionFacts(event.version(), event.alignment(), event.effectiveFrom(),
                event.applicability(), event.attestationCadence()));
        reviewBy = event.reviewBy();
    }

    @EventSourcingHandler
    void on(StandardReaffirmedEvent event) {
        reviewBy = event.nextReviewBy();
    }

    @EventSourcingHandler
    void on(StandardReviewFellDueEvent event) {
        reviewNoticedFor = event.reviewBy();
    }

    @EventSourcingHandler
    void on(StandardVersionScopedToClusterEvent event) {
        clusterId = event.clusterId();
    }

    @EventSourcingHandler
    void on(StandardRetiredEvent event) {
        retired = true;
        retiredOn = event.retiredOn();
    }

    @EventSourcingHandler
    void on(ImplementationRecordedEvent event) {
        variations.put(event.variationId(), new VariationState(event.schoolId(), VariationKind.IMPLEMENTATION,
                VariationStatus.RECORDED, event.version(), event.reviewBy()));
    }

    @EventSourcingHandler
    void on(ExceptionRequestedEvent event) {
        variations.put(event.variationId(), new VariationState(event.schoolId(), VariationKind.EXCEPTION,
                VariationStatus.REQUESTED, event.version(), event.expiresOn()));
    }

    @EventSourcingHandler
    void on(ExceptionApprovedEvent event) {
        variations.get(event.variationId()).status = VariationStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ExceptionDeclinedEvent event) {
        variations.get(event.variationId()).status = VariationStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(VariationReaffirmedEvent event) {
        VariationState v = variations.get(event.variationId());
        v.version = event.version();
        v.until = event.until();
        v.status = v.kind == VariationKind.EXCEPTION ? VariationStatus.REQUESTED : VariationStatus.RECORDED;
    }

    @EventSourcingHandler
    void on(VariationWithdrawnEvent event) {
        variations.get(event.variationId()).status = VariationStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(VariationRevokedEvent event) {
        variations.get(event.variationId()).status = VariationStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(VariationExpiredEvent event) {
        variations.get(event.variationId()).status = VariationStatus.EXPIRED;
    }
}
