package org.accord.app.attestation;

import static org.accord.app.support.Refusals.refusedAs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolPhase;
import org.accord.app.standard.StandardsInForce;
import org.accord.app.standard.VersionInForce;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;

/**
 * The trust that {@link AttestationTest} and {@link AttestationDueTest} both start from, on 2026-10-05: two primary
 * schools (one with two heads and a member of staff, one with no head) and a secondary one, the executive and a board
 * member, and the standards in force that day (termly, guidance with no cadence, secondary only, one with no version
 * in force yet), so each test says only what it adds.
 */
final class AttestationGiven {

    static final String TRUST = "trust-1";
    static final String HEAD = "p-head";
    static final String CO_HEAD = "p-co-head";
    static final String OTHER_HEAD = "p-head2";
    static final String STAFF = "p-staff";
    static final String EXEC = "p-exec";
    static final String BOARD = "p-board";
    static final String OUTSIDER = "p-outsider";
    static final String TERMLY = "std-termly";
    static final String GUIDANCE = "std-guidance";
    static final String SECONDARY_ONLY = "std-secondary";
    static final String NOT_YET = "std-not-yet";
    static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 10, 5);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            CO_HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            OTHER_HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-2"),
            STAFF, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            BOARD, new Roster.Membership(Set.of(PersonRole.BOARD_MEMBER), null)),
            Set.of("school-1", "school-2", "school-3"), Set.of(),
            Map.of("school-1", new Roster.SchoolStanding(Set.of(SchoolPhase.PRIMARY), Collections.singleton(null)),
                    "school-2", new Roster.SchoolStanding(Set.of(SchoolPhase.SECONDARY), Collections.singleton(null)),
                    "school-3", new Roster.SchoolStanding(Set.of(SchoolPhase.PRIMARY), Collections.singleton(null))));

    private AttestationGiven() {
    }

    /** A fixture of the aggregate that knows this trust's roster and today's standards, and no other trust. */
    static <T> FixtureConfiguration<T> fixture(Class<T> aggregate) {
        FixtureConfiguration<T> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource((TrustRosters) id -> {
            if (!TRUST.equals(id)) {
                throw Roster.unknownTrust(id);
            }
            return ROSTER;
        });
        fixture.registerInjectableResource(new StandardsInForce() {
            @Override
            public Optional<VersionInForce> find(String trustId, String standardId, LocalDate day) {
                if (!TRUST.equals(trustId) || !TODAY.equals(day)) {
                    return Optional.empty();
                }
                return switch (standardId) {
                    case TERMLY -> Optional.of(new VersionInForce(TRUST, 2, AttestationCadence.TERMLY,
                            Applicability.EVERY_SCHOOL, null));
                    case GUIDANCE -> Optional.of(new VersionInForce(TRUST, 1, AttestationCadence.NONE,
                            Applicability.EVERY_SCHOOL, null));
                    case SECONDARY_ONLY -> Optional.of(new VersionInForce(TRUST, 1, AttestationCadence.YEARLY,
                            Applicability.phases(SchoolPhase.SECONDARY), null));
                    default -> Optional.empty();
                };
            }

            @Override
            public boolean exists(String trustId, String standardId) {
                return TRUST.equals(trustId)
                        && List.of(TERMLY, GUIDANCE, SECONDARY_ONLY, NOT_YET).contains(standardId);
            }
        });
        return fixture;
    }

    static CommandMessage<?> as(String actorId, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(Actor.METADATA_KEY, actorId));
    }

    static <T> void refused(ResultValidator<T> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class).expectException(refusedAs(kind))
              .expectExceptionMessage(message).expectNoEvents();
    }
}
