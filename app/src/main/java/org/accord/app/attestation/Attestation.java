package org.accord.app.attestation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.attestation.AttestCommand;
import org.accord.api.attestation.AttestationRecordedEvent;
import org.accord.api.attestation.QaFindingRecordedEvent;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.attestation.RecordQaFindingCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AttestationCadence;
import org.accord.app.shared.Check;
import org.accord.app.shared.DomainClock;
import org.accord.app.standard.StandardsInForce;
import org.accord.app.standard.VersionInForce;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A headteacher's confirmation that their school meets a standard, against the version in force on the day, and
 * the trust's quality-assurance findings on it. One aggregate per attestation: the next period's attestation is a new
 * one, so an attestation's history is only its findings.
 */
@Aggregate(cache = "aggregateCache")
public class Attestation {

    /** Evidence is a few references (links, document names), not a filing cabinet. */
    static final int MAX_EVIDENCE = 20;
    static final int MAX_ACTIONS = 20;
    /** A reference or an action is a line (a long link fits), a statement a short paragraph or two. */
    static final int MAX_ITEM_LENGTH = 1_000;
    static final int MAX_STATEMENT_LENGTH = 4_000;

    @AggregateIdentifier
    private String attestationId;
    private String trustId;
    private String schoolId;
    private String standardId;
    private int version;

    protected Attestation() {
        // for Axon
    }

    @CommandHandler
    public Attestation(AttestCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts, StandardsInForce standards) {
        Check.present(command.attestationId(), "attestationId");
        Roster roster = trusts.of(Check.present(command.trustId(), "trustId"));
        if (!roster.hasPerson(actorId)) {
            throw Roster.unknownTrust(command.trustId());
        }
        String school = Check.present(command.schoolId(), "schoolId");
        if (!roster.hasSchool(school)) {
            throw DomainException.badRequest("schoolId '" + school + "' is not a school of this trust");
        }
        if (!roster.isHeadteacherOf(actorId, school)) {
            throw DomainException.forbidden("only the headteacher of school '" + school + "' may attest for it");
        }
        String standard = Check.present(command.standardId(), "standardId");
        if (!standards.exists(command.trustId(), standard)) {
            throw DomainException.notFound("unknown standard '" + standard + "'");
        }
        Integer asked = Check.present(command.version(), "version");
        LocalDate today = DomainClock.today();
        VersionInForce inForce = standards.find(command.trustId(), standard, today).orElseThrow(() ->
                DomainException.badRequest("standard '" + standard + "' has no version in force on " + today
                        + ": there is nothing to attest against"));
        if (asked != inForce.number()) {
            throw DomainException.badRequest("version " + asked + " of standard '" + standard
                    + "' is not in force: version " + inForce.number() + " is, attest against it");
        }
        if (!inForce.appliesTo(school, roster.standing(school))) {
            throw DomainException.badRequest("standard '" + standard + "' version " + inForce.number()
                    + " does not apply to school '" + school + "' (it applies to "
                    + inForce.applicability().describe() + (inForce.clusterId() == null ? ""
                    : " of cluster '" + inForce.clusterId() + "'") + "): there is nothing to attest");
        }
        if (inForce.cadence() == AttestationCadence.NONE) {
            throw DomainException.badRequest("standard '" + standard + "' version " + inForce.number()
                    + " asks for no attestation (cadence NONE)");
        }
        String statement = Check.requiredText(command.statement(), "statement");
        if (statement.length() > MAX_STATEMENT_LENGTH) {
            throw DomainException.badRequest("statement must be at most " + MAX_STATEMENT_LENGTH
                    + " characters: a short statement, with the detail in the evidence it names");
        }
        List<String> evidence = references(command.evidence(), "evidence", MAX_EVIDENCE);
        apply(new AttestationRecordedEvent(command.attestationId(), command.trustId(), school, standard,
                inForce.number(), inForce.cadence(), statement, evidence, actorId, DomainClock.now()));
    }

    /**
     * Quality assurance is the trust's, not a school's: only a trust executive records a finding (the board audits,
     * it does not visit). A later visit may record another finding; the latest stands.
     */
    @CommandHandler
    public void handle(RecordQaFindingCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        trusts.of(trustId).requireExecutive(actorId, "record a quality-assurance finding",
                DomainException.notFound("unknown attestation '" + attestationId + "'"));
        QaOutcome outcome = Check.present(command.outcome(), "outcome");
        LocalDate today = DomainClock.today();
        LocalDate visitedOn = command.visitedOn() != null ? command.visitedOn() : today;
        if (visitedOn.isAfter(today)) {
            throw DomainException.badRequest("visitedOn " + visitedOn + " is in the future: record a visit once made");
        }
        List<String> actions = references(command.actions(), "actions", MAX_ACTIONS);
        LocalDate followUpBy = command.followUpBy();
        if (outcome == QaOutcome.CHALLENGED) {
            if (actions.isEmpty()) {
                throw DomainException.badRequest("a CHALLENGED finding needs at least one agreed action");
            }
            if (followUpBy == null) {
                throw DomainException.badRequest("a CHALLENGED finding needs a followUpBy date");
            }
            if (!followUpBy.isAfter(today)) {
                throw DomainException.badRequest("followUpBy must be in the future, was " + followUpBy);
            }
        } else if (!actions.isEmpty() || followUpBy != null) {
            throw DomainException.badRequest("a CONFIRMED finding takes no actions or followUpBy: challenge it instead");
        }
        apply(new QaFindingRecordedEvent(attestationId, trustId, schoolId, standardId, version, outcome,
                Check.optionalText(command.notes(), "notes"), actions, followUpBy, visitedOn, actorId,
                DomainClock.now()));
    }

    private static List<String> references(List<String> given, String field, int max) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (given.size() > max) {
            throw DomainException.badRequest(field + " may name at most " + max + " items, got " + given.size());
        }
        return given.stream().map(item -> {
            if (item == null || item.isBlank()) {
                throw DomainException.badRequest(field + " must not contain blank items");
            }
            String trimmed = item.strip();
            if (trimmed.length() > MAX_ITEM_LENGTH) {
                throw DomainException.badRequest(field + " items must be at most " + MAX_ITEM_LENGTH + " characters");
            }
            return trimmed;
        }).toList();
    }

    @EventSourcingHandler
    void on(AttestationRecordedEvent e) {
        attestationId = e.attestationId();
        trustId = e.trustId();
        schoolId = e.schoolId();
        standardId = e.standardId();
        version = e.version();
    }
}
