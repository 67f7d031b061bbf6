package org.accord.query.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolLeftClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.junit.jupiter.api.Test;

class ClusterMembershipsTest {

    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final LocalDate SEPTEMBER = LocalDate.parse("2025-09-01");
    private static final LocalDate JANUARY = LocalDate.parse("2026-01-05");
    private static final LocalDate APRIL = LocalDate.parse("2026-04-13");
    private static final Instant AUGUST_RECORD = Instant.parse("2025-08-20T09:00:00Z");
    private static final Instant FEBRUARY_RECORD = Instant.parse("2026-02-10T09:00:00Z");

    /** Ash joins North in September; in February the trust records (backdated) its move to South from January. */
    private final ClusterMemberships memberships = ClusterMemberships.none()
            .with(ClusterMemberships.change(new SchoolJoinedClusterEvent("t", "north", ASH, SEPTEMBER, "e",
                    AUGUST_RECORD)))
            .with(ClusterMemberships.change(new SchoolJoinedClusterEvent("t", "north", BIRCH, SEPTEMBER, "e",
                    AUGUST_RECORD)))
            .with(ClusterMemberships.change(new SchoolMovedClusterEvent("t", ASH, "north", "south", JANUARY, "e",
                    FEBRUARY_RECORD)))
            .with(ClusterMemberships.change(new SchoolLeftClusterEvent("t", "north", BIRCH, APRIL, "e",
                    FEBRUARY_RECORD)));

    @Test
    void aSchoolIsInNoClusterBeforeItJoinsOne() {
        assertThat(memberships.clusterOf(ASH, SEPTEMBER.minusDays(1))).isEmpty();
        assertThat(memberships.clusterOf("school-unknown", APRIL)).isEmpty();
    }

    @Test
    void aSchoolIsInTheClusterOfItsLatestChangeEffectiveByTheDate() {
        assertThat(memberships.clusterOf(ASH, SEPTEMBER)).contains("north");
        assertThat(memberships.clusterOf(ASH, JANUARY.minusDays(1))).contains("north");
        assertThat(memberships.clusterOf(ASH, JANUARY)).contains("south");
    }

    @Test
    void aSchoolThatLeftIsInNoClusterFromTheDayItLeft() {
        assertThat(memberships.clusterOf(BIRCH, APRIL.minusDays(1))).contains("north");
        assertThat(memberships.clusterOf(BIRCH, APRIL)).isEmpty();
    }

    @Test
    void aBackdatedMoveIsUnknownAsTheRecordStoodBeforeItWasRecorded() {
        Instant january = Instant.parse("2026-01-20T00:00:00Z");
        assertThat(memberships.clusterOf(ASH, JANUARY.plusDays(10), january)).contains("north");
        assertThat(memberships.clusterOf(ASH, JANUARY.plusDays(10), FEBRUARY_RECORD)).contains("south");
        assertThat(memberships.clusterOf(ASH, SEPTEMBER, AUGUST_RECORD.minusSeconds(1))).isEmpty();
    }

    @Test
    void aClustersSchoolsOnADateAreThoseWhoseClusterItWasThen() {
        assertThat(memberships.schoolsOf("north", SEPTEMBER, null)).containsExactly(ASH, BIRCH);
        assertThat(memberships.schoolsOf("north", JANUARY, null)).containsExactly(BIRCH);
        assertThat(memberships.schoolsOf("south", JANUARY, null)).containsExactly(ASH);
        assertThat(memberships.schoolsOf("north", APRIL, null)).isEmpty();
        assertThat(memberships.schoolsOf("south", JANUARY, Instant.parse("2026-01-20T00:00:00Z"))).isEmpty();
    }

    @Test
    void ofTwoChangesOnTheSameDateTheLaterRecordedCounts() {
        ClusterMemberships sameDay = ClusterMemberships.of(List.of(
                new ClusterMemberships.Change(ASH, "north", JANUARY, AUGUST_RECORD),
                new ClusterMemberships.Change(ASH, "south", JANUARY, FEBRUARY_RECORD)));
        assertThat(sameDay.clusterOf(ASH, JANUARY)).contains("south");
        assertThat(sameDay.latest(ASH)).map(ClusterMemberships.Change::clusterId).contains("south");
    }
}
