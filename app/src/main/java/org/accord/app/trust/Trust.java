package org.accord.app.trust;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.trust.ChangeSchoolPhaseCommand;
import org.accord.api.trust.ErasePersonCommand;
import org.accord.api.trust.PersonErasedEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.RegisterPersonCommand;
import org.accord.api.trust.RegisterSchoolCommand;
import org.accord.api.trust.RegisterTrustCommand;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolPhaseChangedEvent;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.person.PersonDirectory;
import org.accord.app.shared.Check;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A trust: the tenant. Knows its schools and the roles of its people; nothing else of theirs. */
@Aggregate(cache = "aggregateCache")
public class Trust {

    @AggregateIdentifier
    private String trustId;
    private final Map<String, Roster.Membership> people = new HashMap<>();
    private final Set<String> schoolIds = new HashSet<>();
    private final Set<String> schoolNames = new HashSet<>();
    private final Map<String, SchoolPhase> schoolPhases = new HashMap<>();
    private final Map<String, LocalDate> lastPhaseChange = new HashMap<>();
    private final Set<String> erased = new HashSet<>();

    protected Trust() {
        // for Axon
    }

    /**
     * Trusts are set up by Accord itself (the demo loader, an operator's bootstrap), not by a caller of the API. With
     * a first executive, both are registered or neither: an executive id another trust holds refuses the trust too.
     */
    @CommandHandler
    public Trust(RegisterTrustCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                 PersonDirectory directory) {
        if (!Actor.SYSTEM.equals(actorId)) {
            throw DomainException.forbidden("trusts are registered by an operator, not through the API");
        }
        Check.present(command.trustId(), "trustId");
        String name = Check.name(command.name(), "name");
        String executiveId = command.executiveId() == null ? null : Check.present(command.executiveId(), "executiveId");
        String executiveName = executiveId == null ? null : Check.name(command.executiveName(), "executiveName");
        apply(new TrustRegisteredEvent(command.trustId(), name));
        if (executiveId != null) {
            directory.record(executiveId, command.trustId(), executiveName);
            apply(new PersonRegisteredEvent(command.trustId(), executiveId,
                    Set.of(PersonRole.TRUST_EXECUTIVE), null, actorId));
        }
    }

    @CommandHandler
    public String handle(RegisterSchoolCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "register a school");
        Check.present(command.schoolId(), "schoolId");
        String name = Check.name(command.name(), "name");
        Check.present(command.phase(), "phase");
        if (schoolNames.contains(key(name))) {
            throw DomainException.badRequest("the trust already has a school named '" + name + "'");
        }
        if (schoolIds.contains(command.schoolId())) {
            throw DomainException.conflict("school '" + command.schoolId() + "' is already registered");
        }
        apply(new SchoolRegisteredEvent(trustId, command.schoolId(), name, command.phase(), actorId));
        return command.schoolId();
    }

    /**
     * Phase changes of one school are recorded in the order they take effect: a change dated before the school's
     * latest one is refused (correcting history is not what this records), and so is a change to the phase it has.
     */
    @CommandHandler
    public String handle(ChangeSchoolPhaseCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "change a school's phase");
        String schoolId = Check.present(command.schoolId(), "schoolId");
        if (!schoolIds.contains(schoolId)) {
            throw DomainException.notFound("unknown school '" + schoolId + "'");
        }
        SchoolPhase phase = Check.present(command.phase(), "phase");
        LocalDate from = Check.present(command.effectiveFrom(), "effectiveFrom");
        SchoolPhase current = schoolPhases.get(schoolId);
        if (phase == current) {
            throw DomainException.badRequest("the school is already " + phase);
        }
        LocalDate last = lastPhaseChange.get(schoolId);
        if (last != null && !from.isAfter(last)) {
            throw DomainException.badRequest("effectiveFrom (" + from + ") must be after the school's last phase"
                    + " change (" + last + ")");
        }
        String reason = Check.optionalText(command.reason(), "reason");
        apply(new SchoolPhaseChangedEvent(trustId, schoolId, phase, current, from, reason, actorId,
                GenericEventMessage.clock.instant()));
        return schoolId;
    }

    @CommandHandler
    public String handle(RegisterPersonCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       PersonDirectory directory) {
        roster().requireExecutive(actorId, "register a person");
        Check.present(command.personId(), "personId");
        String displayName = Check.name(command.displayName(), "displayName");
        Set<PersonRole> roles = EnumSet.copyOf(Check.noNulls(command.roles(), "roles"));
        boolean worksAtSchool = roles.stream().anyMatch(PersonRole::isSchoolRole);
        if (worksAtSchool && command.schoolId() == null) {
            throw DomainException.badRequest("schoolId is required for a headteacher or member of staff");
        }
        if (command.schoolId() != null && !schoolIds.contains(command.schoolId())) {
            throw DomainException.badRequest("schoolId '" + command.schoolId() + "' is not a school of this trust");
        }
        if (people.containsKey(command.personId())) {
            throw DomainException.conflict("person '" + command.personId() + "' is already registered");
        }
        // person ids are unique across trusts: the directory refuses one that any trust holds (CONFLICT)
        directory.record(command.personId(), trustId, displayName);
        apply(new PersonRegisteredEvent(trustId, command.personId(), roles, command.schoolId(), actorId));
        return command.personId();
    }

    @CommandHandler
    public void handle(ErasePersonCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       PersonDirectory directory) {
        roster().requireExecutive(actorId, "erase a person's details");
        String personId = Check.present(command.personId(), "personId");
        if (!people.containsKey(personId)) {
            throw DomainException.notFound("unknown person '" + personId + "'");
        }
        if (erased.contains(personId)) {
            throw DomainException.conflict("person '" + personId + "' is already erased");
        }
        directory.erase(personId);
        apply(new PersonErasedEvent(trustId, personId, actorId, GenericEventMessage.clock.instant()));
    }

    /** The trust's membership as it stands, for other aggregates' authorisation and validation. */
    public Roster roster() {
        return new Roster(trustId, Map.copyOf(people), Set.copyOf(schoolIds));
    }

    @EventSourcingHandler
    void on(TrustRegisteredEvent event) {
        trustId = event.trustId();
    }

    @EventSourcingHandler
    void on(SchoolRegisteredEvent event) {
        schoolIds.add(event.schoolId());
        schoolNames.add(key(event.name()));
        schoolPhases.put(event.schoolId(), event.phase());
    }

    @EventSourcingHandler
    void on(SchoolPhaseChangedEvent event) {
        schoolPhases.put(event.schoolId(), event.phase());
        lastPhaseChange.put(event.schoolId(), event.effectiveFrom());
    }

    @EventSourcingHandler
    void on(PersonErasedEvent event) {
        erased.add(event.personId());
    }

    @EventSourcingHandler
    void on(PersonRegisteredEvent event) {
        people.put(event.personId(), new Roster.Membership(Set.copyOf(event.roles()), event.schoolId()));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
