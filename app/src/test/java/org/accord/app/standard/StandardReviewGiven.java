package org.accord.app.standard;

import static org.accord.app.support.Refusals.refusedAs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.trust.PersonRole;
import org.accord.app.trust.DecisionRights;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.accord.query.rights.DecisionRightsHistory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;

/**
 * The trust and the standard that {@link StandardReviewTest} and {@link StandardReviewDueTest} both start from: two
 * executives, a head, two cluster leads, and a standard adopted for the whole trust with a review date, so each test
 * says only what it adds (a cluster scope, a reaffirmation, a due already recorded).
 */
final class StandardReviewGiven {

    static final String TRUST = "trust-1";
    static final String STANDARD = "std-1";
    static final String EXEC = "p-exec";
    static final String EXEC2 = "p-exec2";
    static final String HEAD = "p-head";
    static final String TOWN_LEAD = "p-town-lead";
    static final String VALLEY_LEAD = "p-valley-lead";
    static final String OUTSIDER = "p-outsider";
    static final String TOWN = "cluster-town";

    /** The review date version 1 is adopted with. */
    static final LocalDate DUE = LocalDate.of(2026, 2, 1);
    static final LocalDate NEXT = LocalDate.of(2027, 2, 1);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            EXEC2, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-ash"),
            TOWN_LEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-birch"),
            VALLEY_LEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-cedar")),
            Set.of("school-ash", "school-birch", "school-cedar"));
    private static final DecisionRights RIGHTS = new DecisionRights(DecisionRightsHistory.none(), Map.of(
            TOWN, new DecisionRights.ClusterLead("Town primaries", TOWN_LEAD),
            "cluster-valley", new DecisionRights.ClusterLead("Valley schools", VALLEY_LEAD)));

    private StandardReviewGiven() {
    }

    /** A fixture of the standard that knows this trust's roster and decision rights, and no other trust. */
    static FixtureConfiguration<Standard> fixture() {
        FixtureConfiguration<Standard> fixture = new AggregateTestFixture<>(Standard.class);
        fixture.registerInjectableResource(new TrustRosters() {
            @Override
            public Roster of(String trustId) {
                if (!TRUST.equals(trustId)) {
                    throw Roster.unknownTrust(trustId);
                }
                return ROSTER;
            }

            @Override
            public DecisionRights decisionRights(String trustId) {
                return RIGHTS;
            }
        });
        return fixture;
    }

    /** Version 1, for the whole trust, in force from 2025-09-01, to be reviewed by the date given (or never). */
    static StandardVersionAdoptedEvent adopted(LocalDate reviewBy) {
        return new StandardVersionAdoptedEvent(STANDARD, TRUST, 1, "Phones away in lessons", Area.BEHAVIOUR,
                AlignmentLevel.REQUIRED, "Pupils' phones stay away during lessons.", LocalDate.of(2025, 9, 1),
                reviewBy, "proposal-1", EXEC, Instant.parse("2025-07-01T12:00:00Z"));
    }

    /** Version 1 scoped to the town cluster, so its lead answers for it. */
    static StandardVersionScopedToClusterEvent ofTown() {
        return new StandardVersionScopedToClusterEvent(STANDARD, TRUST, 1, TOWN, TOWN_LEAD);
    }

    static void expectRefusal(ResultValidator<Standard> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
              .expectException(refusedAs(kind))
              .expectExceptionMessage(message)
              .expectNoEvents();
    }
}
