package org.accord.query.notification;

import java.util.ArrayList;
import java.util.List;

import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.notification.NotificationKind;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingClosingSoonEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.query.proposal.ProposalDocument;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.accord.query.standard.StandardDocument;
import org.accord.query.team.TeamDocument;
import org.accord.query.trust.SchoolDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The inboxes, from the events: one handler per event that makes somebody owe something. Each works out who is
 * concerned from the events so far (a vote's eligible voters, a team's members, the trust's executives) and hands
 * the notification to {@link Inbox#deliver}. Attestations and reviews falling due are events recorded by Accord
 * itself (AttestationFellDueEvent, StandardReviewFellDueEvent), which name whom they tell.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class NotificationProjection {

    private final ReadModelStore store;
    private final Inbox inbox;

    public NotificationProjection(ReadModelStore store, Inbox inbox) {
        this.store = store;
        this.inbox = inbox;
    }

    /** Before a replay; Accord always resets every projection together (ReadModelRebuild). */
    @ResetHandler
    void forgetEverything() {
        store.clear(NotificationDocument.class, InboxCountDocument.class, TrustExecutivesDocument.class,
                VotingReminderDocument.class, MailOutboxDocument.class);
    }

    @EventHandler
    void on(PersonRegisteredEvent e) {
        if (e.roles() != null && e.roles().contains(PersonRole.TRUST_EXECUTIVE)) {
            store.upsert(TrustExecutivesDocument.class, e.trustId(),
                    new Update().addToSet("executiveIds", e.personId()));
        }
    }

    /**
     * Every eligible voter is told; the reminder is set for 48 hours before the deadline, unless the whole vote is
     * shorter than that (then this notification, which carries the deadline, is the reminder).
     */
    @EventHandler
    void on(VotingOpenedEvent e, ReplayStatus status) {
        inbox.deliver(e.eligibleVoters(), new Inbox.Delivery(NotificationKind.VOTE_OPENED, e.trustId(), "proposal",
                e.proposalId(), "Voting opened on '" + proposalTitle(e.proposalId()) + "' in "
                + teamName(e.teamId()) + ": cast your vote", e.openedAt(), e.closesAt()), status);
        var remindAt = e.closesAt().minus(VotingClosingSoonEvent.BEFORE_DEADLINE);
        if (remindAt.isAfter(e.openedAt())) {
            store.upsert(VotingReminderDocument.class, e.proposalId(), new Update().set("remindAt", remindAt));
        }
    }

    @EventHandler
    void on(VotingClosingSoonEvent e, ReplayStatus status) {
        store.delete(VotingReminderDocument.class, e.proposalId());
        inbox.deliver(e.notYetVoted(), new Inbox.Delivery(NotificationKind.VOTE_CLOSING_SOON, e.trustId(),
                "proposal", e.proposalId(), "Voting on '" + proposalTitle(e.proposalId())
                + "' closes within 48 hours and you have not voted", e.remindedAt(), e.closesAt()), status);
    }

    @EventHandler
    void on(VotingClosedEvent e) {
        store.delete(VotingReminderDocument.class, e.proposalId());
    }

    @EventHandler
    void on(ProposalWithdrawnEvent e) {
        store.delete(VotingReminderDocument.class, e.proposalId());
    }

    /** The trust executives approve or decline exceptions (Standard's command handlers say so). */
    @EventHandler
    void on(ExceptionRequestedEvent e, ReplayStatus status) {
        inbox.deliver(executives(e.trustId()), new Inbox.Delivery(NotificationKind.EXCEPTION_AWAITING_APPROVAL,
                e.trustId(), "variation", e.variationId(), schoolName(e.schoolId())
                + " asks for an exception from '" + standardTitle(e.standardId()) + "': approve or decline it",
                e.requestedAt(), null), status);
    }

    /** The members of every team it was routed to, or the executives; never the person who raised it. */
    @EventHandler
    void on(RequestRaisedEvent e, ReplayStatus status) {
        List<String> people = new ArrayList<>();
        for (String teamId : e.routedTeamIds() == null ? List.<String>of() : e.routedTeamIds()) {
            TeamDocument team = store.findById(TeamDocument.class, teamId);
            if (team != null) {
                people.addAll(team.memberIds());
            }
        }
        if (e.routedToExecutive()) {
            people.addAll(executives(e.trustId()));
        }
        people.remove(e.raisedBy());
        inbox.deliver(people, new Inbox.Delivery(NotificationKind.REQUEST_ROUTED, e.trustId(), "request",
                e.requestId(), schoolName(e.schoolId()) + " asks for a standard: '" + e.title()
                + "': take it up or decline it", e.raisedAt(), null), status);
    }

    /**
     * The school's headteachers as the event names them (whoever may attest). One notification per school and period
     * (its start and its due date), however many standards fall due in it: the subject is the school, on the occasion
     * of the period, so the first standard's due makes it and the others of the same period find it there. A head
     * of a school under 500 standards is told once a term, not 500 times; the compliance page lists what is owed.
     */
    @EventHandler
    void on(AttestationFellDueEvent e, ReplayStatus status) {
        inbox.deliver(e.headteacherIds(), new Inbox.Delivery(NotificationKind.ATTESTATION_DUE, e.trustId(),
                "school", e.schoolId(), schoolName(e.schoolId()) + " owes its attestations for the period from "
                + e.periodStart() + ": attest by " + e.dueBy() + " (the compliance page lists them, among them '"
                + standardTitle(e.standardId()) + "')", e.recordedAt(), endOfDay(e.dueBy())),
                e.periodStart() + ":" + e.dueBy(), status);
    }

    /**
     * Whoever may reaffirm the standard, as the event names them (the executives, or the cluster's lead). The
     * subject is the standard, on the occasion of its review date, so the next date makes a notification of its own.
     */
    @EventHandler
    void on(StandardReviewFellDueEvent e, ReplayStatus status) {
        inbox.deliver(e.deciderIds(), new Inbox.Delivery(NotificationKind.REVIEW_DUE, e.trustId(), "standard",
                e.standardId(), "Standard '" + standardTitle(e.standardId()) + "' is due for review by "
                + e.reviewBy() + ": reaffirm it, or raise an amendment or retirement", e.recordedAt(),
                endOfDay(e.reviewBy())), e.reviewBy().toString(), status);
    }

    /** A date owed is owed until the end of that day (UTC, as Accord's days are). */
    private static java.time.Instant endOfDay(java.time.LocalDate day) {
        return day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private List<String> executives(String trustId) {
        TrustExecutivesDocument executives = store.findById(TrustExecutivesDocument.class, trustId);
        return executives == null ? List.of() : executives.executiveIds();
    }

    private String proposalTitle(String proposalId) {
        ProposalDocument proposal = store.findById(ProposalDocument.class, proposalId);
        return proposal == null || proposal.content() == null ? proposalId : proposal.content().title();
    }

    private String teamName(String teamId) {
        TeamDocument team = store.findById(TeamDocument.class, teamId);
        return team == null ? "team '" + teamId + "'" : team.name();
    }

    private String schoolName(String schoolId) {
        SchoolDocument school = store.findById(SchoolDocument.class, schoolId);
        return school == null ? "School '" + schoolId + "'" : school.name();
    }

    private String standardTitle(String standardId) {
        StandardDocument standard = store.findById(StandardDocument.class, standardId);
        return standard == null || standard.versions() == null || standard.versions().isEmpty() ? standardId
                : standard.versions().get(standard.versions().size() - 1).title();
    }
}
