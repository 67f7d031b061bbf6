package org.accord.app.attestation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AttestationCadence;
import org.accord.app.shared.Check;
import org.accord.app.shared.DomainClock;
import org.accord.app.standard.StandardsInForce;
import org.accord.app.standard.VersionInForce;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.accord.query.attestation.AttestationPeriods;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * That a school's attestation of a standard fell due in one period, recorded by Accord. One aggregate per trust ×
 * school × standard × period, its id made from them ({@link RecordAttestationDueCommand#idOf}), so "once" is the
 * event store's: a second command finds the first one's event and is refused, whatever restarts or rebuilds came
 * between. Not the {@link Attestation}: that one is created by the head's own command, with the client's id, and
 * an attestation may never be made for a period; nor the Standard, which would grow by schools × periods forever.
 */
@Aggregate(cache = "aggregateCache")
public class AttestationDue {

    @AggregateIdentifier
    private String dueId;

    protected AttestationDue() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAttestationDueCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts, StandardsInForce standards) {
        if (!Actor.SYSTEM.equals(actorId)) {
            throw DomainException.forbidden("an attestation falls due by the calendar: Accord records it, not on request");
        }
        if (dueId != null) {
            throw DomainException.conflict("the attestation due for this school, standard and period is already recorded");
        }
        String trust = Check.present(command.trustId(), "trustId");
        String school = Check.present(command.schoolId(), "schoolId");
        String standard = Check.present(command.standardId(), "standardId");
        LocalDate periodStart = Check.present(command.periodStart(), "periodStart");
        if (!RecordAttestationDueCommand.idOf(trust, school, standard, periodStart).equals(command.dueId())) {
            throw DomainException.badRequest("dueId '" + command.dueId() + "' is not the id of this school, standard and period");
        }
        Roster roster = trusts.of(trust);
        if (!roster.hasSchool(school)) {
            throw DomainException.badRequest("schoolId '" + school + "' is not a school of this trust");
        }
        LocalDate today = DomainClock.today();
        VersionInForce inForce = standards.find(trust, standard, today).orElseThrow(() ->
                DomainException.badRequest("standard '" + standard + "' has no version in force on " + today));
        if (inForce.cadence() == AttestationCadence.NONE) {
            throw DomainException.badRequest("standard '" + standard + "' version " + inForce.number()
                    + " asks for no attestation (cadence NONE)");
        }
        if (!inForce.appliesTo(school, roster.standing(school))) {
            throw DomainException.badRequest("standard '" + standard + "' version " + inForce.number()
                    + " does not apply to school '" + school + "'");
        }
        AttestationPeriods.Period period = AttestationPeriods.containing(inForce.cadence(), today);
        if (!period.start().equals(periodStart)) {
            throw DomainException.badRequest("the period from " + periodStart + " is not today's: " + today
                    + " falls in the period from " + period.start() + " to " + period.end());
        }
        apply(new AttestationFellDueEvent(command.dueId(), trust, school, standard, inForce.number(),
                inForce.cadence(), period.start(), period.end(), roster.headteachersOf(school), DomainClock.now()));
    }

    @EventSourcingHandler
    void on(AttestationFellDueEvent e) {
        dueId = e.dueId();
    }
}
