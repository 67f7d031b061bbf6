package org.accord.app.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.proposal.ProposalKind;
import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.api.trust.PersonRole;
import org.accord.app.trust.DecisionRights;
import org.accord.app.trust.Roster;
import org.accord.query.rights.DecisionRightsHistory;
import org.junit.jupiter.api.Test;

/** Who may adopt a ratified proposal, by the trust's decision-rights map. */
class AdoptionRightsTest {

    private static final String EXEC = "p-exec";
    private static final String TOWN_LEAD = "p-town-lead";
    private static final String VALLEY_LEAD = "p-valley-lead";
    private static final String OUTSIDER = "p-outsider";
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final DomainException UNKNOWN = DomainException.notFound("unknown proposal 'p-1'");

    private static final Roster ROSTER = new Roster("trust-1", Map.of(
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            TOWN_LEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-ash"),
            VALLEY_LEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-birch")),
            Set.of("school-ash", "school-birch"));

    private static final DecisionRights RIGHTS = new DecisionRights(DecisionRightsHistory.of(List.of(
            new DecisionRightsHistory.Version(1, List.of(
                    new DecisionRight(Area.SAFEGUARDING, null, DecisionLevel.TRUST, null, null),
                    new DecisionRight(Area.SEND, null, DecisionLevel.CLUSTER, null, null),
                    new DecisionRight(Area.BEHAVIOUR, null, DecisionLevel.SCHOOL, null, null),
                    new DecisionRight(Area.CURRICULUM, "sequencing", DecisionLevel.SCHOOL, null, null)),
                    TODAY.minusMonths(1), Instant.parse("2026-01-01T00:00:00Z")))),
            Map.of("town", new DecisionRights.ClusterLead("Town primaries", TOWN_LEAD),
                    "valley", new DecisionRights.ClusterLead("Valley schools", VALLEY_LEAD)));

    private static String check(String actor, DecisionRights rights, Area area, ProposalKind kind, String cluster,
                                String standardCluster) {
        return AdoptionRights.check(actor, ROSTER, rights, area, kind, cluster, standardCluster, TODAY,
                "adopt a proposal", UNKNOWN);
    }

    private static void refused(Runnable adoption, DomainException.Kind kind, String message) {
        assertThatThrownBy(adoption::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void withoutAMapTheExecutiveAdoptsForTheWholeTrustAsBefore() {
        assertThat(check(EXEC, DecisionRights.none(), Area.SEND, ProposalKind.NEW_STANDARD, null, null)).isNull();
        refused(() -> check(TOWN_LEAD, DecisionRights.none(), Area.SEND, ProposalKind.NEW_STANDARD, null, null),
                DomainException.Kind.FORBIDDEN, "only a trust executive may adopt a proposal");
    }

    @Test
    void anAreaDecidedAtTrustLevelIsAdoptedByTheExecutiveForTheWholeTrust() {
        assertThat(check(EXEC, RIGHTS, Area.SAFEGUARDING, ProposalKind.NEW_STANDARD, null, null)).isNull();
    }

    @Test
    void anAreaTheMapSaysNothingOfIsDecidedByTheTrust() {
        assertThat(check(EXEC, RIGHTS, Area.FINANCE, ProposalKind.NEW_STANDARD, null, null)).isNull();
    }

    @Test
    void aTrustLevelStandardIsNotAdoptedForOneCluster() {
        refused(() -> check(EXEC, RIGHTS, Area.SAFEGUARDING, ProposalKind.NEW_STANDARD, "town", null),
                DomainException.Kind.BAD_REQUEST, "area SAFEGUARDING is decided at trust level (decision-rights map"
                        + " version 1): its standards apply to the whole trust, not to one cluster");
    }

    @Test
    void aClusterLevelProposalIsAdoptedByItsClustersLeadAsAClusterStandard() {
        assertThat(check(TOWN_LEAD, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, "town", null)).isEqualTo("town");
    }

    @Test
    void aClusterStandardAdoptedByALeadOfAnotherClusterIsRefused() {
        refused(() -> check(VALLEY_LEAD, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, "town", null),
                DomainException.Kind.FORBIDDEN, "only the lead of cluster 'Town primaries' may adopt a proposal for"
                        + " it, not the lead of cluster 'Valley schools'");
    }

    @Test
    void theExecutiveDoesNotAdoptAClusterStandard() {
        refused(() -> check(EXEC, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, "town", null),
                DomainException.Kind.FORBIDDEN, "only the lead of cluster 'Town primaries' may adopt a proposal for"
                        + " it");
    }

    @Test
    void aClusterLevelProposalNeedsACluster() {
        refused(() -> check(EXEC, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, null, null),
                DomainException.Kind.BAD_REQUEST, "area SEND is decided at cluster level (decision-rights map"
                        + " version 1): its standards are cluster standards, adopted by a cluster's lead for that"
                        + " cluster; name the cluster (clusterId)");
    }

    @Test
    void anUnknownClusterIsNotFound() {
        refused(() -> check(TOWN_LEAD, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, "nowhere", null),
                DomainException.Kind.NOT_FOUND, "unknown cluster 'nowhere'");
    }

    @Test
    void noStandardIsAdoptedAboveTheSchoolInAnAreaEachSchoolDecides() {
        refused(() -> check(EXEC, RIGHTS, Area.BEHAVIOUR, ProposalKind.NEW_STANDARD, null, null),
                DomainException.Kind.BAD_REQUEST, "area BEHAVIOUR is decided by each school (decision-rights map"
                        + " version 1): no standard can be adopted above the school");
        refused(() -> check(TOWN_LEAD, RIGHTS, Area.BEHAVIOUR, ProposalKind.NEW_STANDARD, "town", null),
                DomainException.Kind.BAD_REQUEST, "area BEHAVIOUR is decided by each school (decision-rights map"
                        + " version 1): no standard can be adopted above the school");
    }

    @Test
    void aTopicLeftToSchoolsDoesNotStopTheAreasOwnStandards() {
        assertThat(check(EXEC, RIGHTS, Area.CURRICULUM, ProposalKind.NEW_STANDARD, null, null)).isNull();
    }

    @Test
    void aClusterStandardIsAmendedAndRetiredByItsOwnLead() {
        assertThat(check(TOWN_LEAD, RIGHTS, Area.SEND, ProposalKind.AMEND_STANDARD, null, "town")).isEqualTo("town");
        assertThat(check(TOWN_LEAD, RIGHTS, Area.SEND, ProposalKind.RETIRE_STANDARD, "town", "town"))
                .isEqualTo("town");
        refused(() -> check(VALLEY_LEAD, RIGHTS, Area.SEND, ProposalKind.AMEND_STANDARD, null, "town"),
                DomainException.Kind.FORBIDDEN, "only the lead of cluster 'Town primaries' may adopt a proposal for"
                        + " it, not the lead of cluster 'Valley schools'");
        refused(() -> check(VALLEY_LEAD, RIGHTS, Area.SEND, ProposalKind.AMEND_STANDARD, "valley", "town"),
                DomainException.Kind.BAD_REQUEST, "the standard is a standard of cluster 'Town primaries', not of"
                        + " 'valley'");
    }

    @Test
    void aTrustStandardInAnAreaNowLeftToClustersCanBeRetiredByTheExecutiveButNotAmended() {
        assertThat(check(EXEC, RIGHTS, Area.SEND, ProposalKind.RETIRE_STANDARD, null, null)).isNull();
        refused(() -> check(EXEC, RIGHTS, Area.SEND, ProposalKind.AMEND_STANDARD, null, null),
                DomainException.Kind.BAD_REQUEST, "area SEND is decided at cluster level (decision-rights map"
                        + " version 1): a standard of the whole trust in it can be retired, not amended; each"
                        + " cluster adopts its own");
    }

    @Test
    void aStandardInAnAreaLeftToSchoolsCanBeRetiredButNotAmended() {
        assertThat(check(EXEC, RIGHTS, Area.BEHAVIOUR, ProposalKind.RETIRE_STANDARD, null, null)).isNull();
        refused(() -> check(EXEC, RIGHTS, Area.BEHAVIOUR, ProposalKind.AMEND_STANDARD, null, null),
                DomainException.Kind.BAD_REQUEST, "area BEHAVIOUR is decided by each school (decision-rights map"
                        + " version 1): no standard can be adopted above the school; the standard can be retired,"
                        + " not amended");
    }

    @Test
    void aClusterNotYetLedHasNobodyToAdoptForIt() {
        DecisionRights unled = new DecisionRights(RIGHTS.map(),
                Map.of("town", new DecisionRights.ClusterLead("Town primaries", null)));
        refused(() -> check(TOWN_LEAD, unled, Area.SEND, ProposalKind.NEW_STANDARD, "town", null),
                DomainException.Kind.FORBIDDEN, "only the lead of cluster 'Town primaries' may adopt a proposal for"
                        + " it");
    }

    @Test
    void anOutsiderLearnsNothing() {
        refused(() -> check(OUTSIDER, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, "town", null),
                DomainException.Kind.NOT_FOUND, "unknown proposal 'p-1'");
    }

    @Test
    void aMapNotYetInForceDoesNotApply() {
        DecisionRights future = new DecisionRights(DecisionRightsHistory.of(List.of(
                new DecisionRightsHistory.Version(1, List.of(new DecisionRight(Area.SEND, null,
                        DecisionLevel.SCHOOL, null, null)), TODAY.plusDays(1), Instant.parse("2026-01-01T00:00:00Z")))),
                Map.of());
        assertThat(check(EXEC, future, Area.SEND, ProposalKind.NEW_STANDARD, null, null)).isNull();
    }

    @Test
    void whoMayDeclineIsWhoMayAdopt() {
        AdoptionRights.checkDecline(TOWN_LEAD, ROSTER, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, "town", null,
                TODAY, UNKNOWN);
        AdoptionRights.checkDecline(EXEC, ROSTER, RIGHTS, Area.SAFEGUARDING, ProposalKind.NEW_STANDARD, null, null,
                TODAY, UNKNOWN);
        refused(() -> AdoptionRights.checkDecline(EXEC, ROSTER, RIGHTS, Area.SEND, ProposalKind.NEW_STANDARD, "town",
                null, TODAY, UNKNOWN), DomainException.Kind.FORBIDDEN,
                "only the lead of cluster 'Town primaries' may decline a proposal's adoption for it");
        refused(() -> AdoptionRights.checkDecline(VALLEY_LEAD, ROSTER, RIGHTS, Area.SAFEGUARDING,
                ProposalKind.NEW_STANDARD, null, null, TODAY, UNKNOWN), DomainException.Kind.FORBIDDEN,
                "only a trust executive may decline a proposal's adoption");
    }

    @Test
    void inAnAreaEachSchoolDecidesOnlyTheExecutiveClosesARatifiedProposal() {
        AdoptionRights.checkDecline(EXEC, ROSTER, RIGHTS, Area.BEHAVIOUR, ProposalKind.NEW_STANDARD, null, null,
                TODAY, UNKNOWN);
        refused(() -> AdoptionRights.checkDecline(TOWN_LEAD, ROSTER, RIGHTS, Area.BEHAVIOUR,
                ProposalKind.NEW_STANDARD, "town", null, TODAY, UNKNOWN), DomainException.Kind.FORBIDDEN,
                "only a trust executive may decline a proposal's adoption");
        refused(() -> AdoptionRights.checkDecline(OUTSIDER, ROSTER, RIGHTS, Area.BEHAVIOUR,
                ProposalKind.NEW_STANDARD, null, null, TODAY, UNKNOWN), DomainException.Kind.NOT_FOUND,
                "unknown proposal 'p-1'");
    }
}
