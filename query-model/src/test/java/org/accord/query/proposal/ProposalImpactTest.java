package org.accord.query.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.accord.api.proposal.ProposalImpactView;
import org.accord.api.proposal.ProposalImpactView.SchoolImpact;
import org.accord.api.proposal.ProposalImpactView.VariationImpact;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.SchoolImpactEffect;
import org.accord.api.proposal.VariationImpactEffect;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.rules.RuleStatus;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationStatus;
import org.accord.query.rules.RulesInForce;
import org.accord.query.standard.StandardDocument;
import org.accord.query.trust.SchoolPlacement;
import org.accord.query.variation.VariationDocument;
import org.junit.jupiter.api.Test;

/**
 * The impact of a proposal, by examples and against an independent reckoning: the rules in force of every school
 * computed before and after the proposal is adopted (by {@link RulesInForce}, as a board would see them), and what
 * changed read off them.
 */
class ProposalImpactTest {

    private static final LocalDate AS_OF = LocalDate.of(2027, 9, 1);
    private static final LocalDate V1_FROM = LocalDate.of(2027, 1, 4);
    private static final Instant V1_AT = Instant.parse("2027-01-01T09:00:00Z");
    private static final Instant V2_AT = Instant.parse("2027-06-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2031-01-01T00:00:00Z");
    private static final Applicability PRIMARY = Applicability.phases(SchoolPhase.PRIMARY);

    private static final ProposalImpact.School ASH = new ProposalImpact.School("ash", SchoolPhase.PRIMARY, null);
    private static final ProposalImpact.School BIRCH = new ProposalImpact.School("birch", SchoolPhase.SECONDARY, null);
    private static final ProposalImpact.School CEDAR = new ProposalImpact.School("cedar", SchoolPhase.PRIMARY, null);
    private static final List<ProposalImpact.School> SCHOOLS = List.of(ASH, BIRCH, CEDAR);

    @Test
    void aNewRequiredStandardMustBeCompliedWithByEachSchoolItAppliesTo() {
        ProposalImpactView impact = ProposalImpact.reckon("p", ProposalKind.NEW_STANDARD, AlignmentLevel.REQUIRED,
                PRIMARY, null, SCHOOLS, List.of(), AS_OF);
        assertThat(impact.schools()).containsExactly(new SchoolImpact("ash", SchoolImpactEffect.MUST_COMPLY),
                new SchoolImpact("cedar", SchoolImpactEffect.MUST_COMPLY));
        assertThat(impact.schoolsGained()).containsExactly("ash", "cedar");
        assertThat(impact.schoolsLost()).isEmpty();
        assertThat(impact.variations()).isEmpty();
    }

    @Test
    void aNewAdaptableStandardForEverySchoolAsksEachToRecordAnImplementation() {
        ProposalImpactView impact = ProposalImpact.reckon("p", ProposalKind.NEW_STANDARD, AlignmentLevel.ADAPTABLE,
                null, null, SCHOOLS, List.of(), AS_OF);
        assertThat(impact.schools()).extracting(SchoolImpact::effect)
                .containsOnly(SchoolImpactEffect.MUST_RECORD_IMPLEMENTATION).hasSize(3);
    }

    @Test
    void aNewStandardForAPhaseNoSchoolIsInAffectsNobody() {
        ProposalImpactView impact = ProposalImpact.reckon("p", ProposalKind.NEW_STANDARD, AlignmentLevel.REQUIRED,
                Applicability.phases(SchoolPhase.SPECIAL), null, SCHOOLS, List.of(), AS_OF);
        assertThat(impact.schools()).isEmpty();
        assertThat(impact.schoolsGained()).isEmpty();
    }

    @Test
    void anAmendmentAsksEachVariationToBeRejustifiedAndTheOthersToComply() {
        ProposalImpact.Variation requested = new ProposalImpact.Variation("v-ash", "ash", VariationKind.EXCEPTION,
                VariationStatus.REQUESTED, 1);
        ProposalImpactView impact = ProposalImpact.reckon("p", ProposalKind.AMEND_STANDARD, AlignmentLevel.REQUIRED,
                null, new ProposalImpact.CurrentVersion(1, AlignmentLevel.REQUIRED, null), SCHOOLS,
                List.of(requested), AS_OF);
        assertThat(impact.schools()).containsExactly(new SchoolImpact("ash", SchoolImpactEffect.MUST_REJUSTIFY),
                new SchoolImpact("birch", SchoolImpactEffect.MUST_COMPLY),
                new SchoolImpact("cedar", SchoolImpactEffect.MUST_COMPLY));
        assertThat(impact.variations()).containsExactly(new VariationImpact("v-ash", "ash", VariationKind.EXCEPTION,
                VariationStatus.REQUESTED, 1, VariationImpactEffect.NEEDS_REJUSTIFICATION));
        assertThat(impact.schoolsGained()).isEmpty();
        assertThat(impact.schoolsLost()).isEmpty();
    }

    @Test
    void anAmendmentThatNarrowsApplicabilityLosesSchoolsAndTheirVariationsAreNoLongerNeeded() {
        ProposalImpact.Variation birch = new ProposalImpact.Variation("v-birch", "birch",
                VariationKind.IMPLEMENTATION, VariationStatus.RECORDED, 1);
        ProposalImpactView impact = ProposalImpact.reckon("p", ProposalKind.AMEND_STANDARD, AlignmentLevel.ADAPTABLE,
                PRIMARY, new ProposalImpact.CurrentVersion(1, AlignmentLevel.ADAPTABLE, null), SCHOOLS,
                List.of(birch), AS_OF);
        assertThat(impact.schools()).containsExactly(
                new SchoolImpact("ash", SchoolImpactEffect.MUST_RECORD_IMPLEMENTATION),
                new SchoolImpact("birch", SchoolImpactEffect.NO_LONGER_APPLIES),
                new SchoolImpact("cedar", SchoolImpactEffect.MUST_RECORD_IMPLEMENTATION));
        assertThat(impact.variations()).extracting(VariationImpact::effect)
                .containsExactly(VariationImpactEffect.NO_LONGER_NEEDED);
        assertThat(impact.schoolsLost()).containsExactly("birch");
    }

    @Test
    void anAmendmentThatNamesNoApplicabilityKeepsTheCurrentVersionsAndOneThatWidensGainsSchools() {
        ProposalImpact.CurrentVersion primaryOnly = new ProposalImpact.CurrentVersion(2, AlignmentLevel.GUIDANCE,
                PRIMARY);
        assertThat(ProposalImpact.reckon("p", ProposalKind.AMEND_STANDARD, AlignmentLevel.GUIDANCE, null,
                primaryOnly, SCHOOLS, List.of(), AS_OF).schools()).extracting(SchoolImpact::schoolId)
                .containsExactly("ash", "cedar");
        ProposalImpactView widened = ProposalImpact.reckon("p", ProposalKind.AMEND_STANDARD, AlignmentLevel.GUIDANCE,
                Applicability.EVERY_SCHOOL, primaryOnly, SCHOOLS, List.of(), AS_OF);
        assertThat(widened.schoolsGained()).containsExactly("birch");
        assertThat(widened.schools()).extracting(SchoolImpact::effect).containsOnly(SchoolImpactEffect.MAY_FOLLOW);
    }

    @Test
    void aRetirementEndsTheStandardForEachSchoolItAppliesToAndEveryOpenVariation() {
        ProposalImpact.Variation cedar = new ProposalImpact.Variation("v-cedar", "cedar", VariationKind.EXCEPTION,
                VariationStatus.APPROVED, 1);
        ProposalImpactView impact = ProposalImpact.reckon("p", ProposalKind.RETIRE_STANDARD, null, null,
                new ProposalImpact.CurrentVersion(1, AlignmentLevel.REQUIRED, PRIMARY), SCHOOLS, List.of(cedar),
                AS_OF);
        assertThat(impact.schools()).containsExactly(new SchoolImpact("ash", SchoolImpactEffect.STANDARD_ENDS),
                new SchoolImpact("cedar", SchoolImpactEffect.STANDARD_ENDS));
        assertThat(impact.variations()).extracting(VariationImpact::effect)
                .containsExactly(VariationImpactEffect.ENDS);
        assertThat(impact.schoolsLost()).containsExactly("ash", "cedar");
        assertThat(impact.schoolsGained()).isEmpty();
    }

    @Test
    void anAmendmentOfAClusterStandardConcernsOnlyTheSchoolsOfItsCluster() {
        List<ProposalImpact.School> schools = List.of(new ProposalImpact.School("ash", SchoolPhase.PRIMARY, "north"),
                new ProposalImpact.School("cedar", SchoolPhase.PRIMARY, "south"), BIRCH);
        ProposalImpactView impact = ProposalImpact.reckon("p", ProposalKind.AMEND_STANDARD, AlignmentLevel.REQUIRED,
                Applicability.EVERY_SCHOOL, new ProposalImpact.CurrentVersion(1, AlignmentLevel.REQUIRED, PRIMARY,
                        "north"), schools, List.of(), AS_OF);
        assertThat(impact.schools()).containsExactly(new SchoolImpact("ash", SchoolImpactEffect.MUST_COMPLY));
        assertThat(impact.schoolsGained()).isEmpty();
    }

    /**
     * A thousand trusts, proposals and variations drawn at random; each answer compared with the rules in force of
     * every school before and after the proposal's adoption. Variations drawn here are in force (recorded or
     * approved) and of the kind the current version asks for, which is what the rules in force count.
     */
    @Test
    void theImpactIsWhatChangesInEverySchoolsRulesInForceWhenTheProposalIsAdopted() {
        Random random = new Random(19);
        for (int round = 0; round < 1000; round++) {
            Scenario scenario = Scenario.draw(random);
            ProposalImpactView reckoned = ProposalImpact.reckon("p", scenario.kind, scenario.alignment,
                    scenario.proposed, scenario.current, scenario.schools, scenario.variations, AS_OF);
            ProposalImpactView independent = scenario.independently();
            assertThat(reckoned).as("round %d: %s", round, scenario).isEqualTo(independent);
        }
    }

    private record Scenario(ProposalKind kind, AlignmentLevel alignment, Applicability proposed,
                            ProposalImpact.CurrentVersion current, List<ProposalImpact.School> schools,
                            List<ProposalImpact.Variation> variations) {

        static Scenario draw(Random random) {
            List<ProposalImpact.School> schools = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                schools.add(new ProposalImpact.School("school-" + i, phase(random), null));
            }
            ProposalKind kind = ProposalKind.values()[random.nextInt(3)];
            AlignmentLevel alignment = kind == ProposalKind.RETIRE_STANDARD ? null : level(random);
            ProposalImpact.CurrentVersion current = kind == ProposalKind.NEW_STANDARD ? null
                    : new ProposalImpact.CurrentVersion(1, level(random), applicability(random, schools, true));
            Applicability proposed = kind == ProposalKind.RETIRE_STANDARD ? null
                    : applicability(random, schools, kind == ProposalKind.AMEND_STANDARD);
            List<ProposalImpact.Variation> variations = new ArrayList<>();
            if (current != null && current.alignment() != AlignmentLevel.GUIDANCE) {
                for (ProposalImpact.School school : schools) {
                    boolean covered = Applicability.of(current.applicability())
                            .covers(school.id(), school.phase(), null);
                    if (covered && random.nextInt(3) == 0) {
                        boolean required = current.alignment() == AlignmentLevel.REQUIRED;
                        variations.add(new ProposalImpact.Variation("variation-" + school.id(), school.id(),
                                required ? VariationKind.EXCEPTION : VariationKind.IMPLEMENTATION,
                                required ? VariationStatus.APPROVED : VariationStatus.RECORDED, 1));
                    }
                }
            }
            return new Scenario(kind, alignment, proposed, current, schools, variations);
        }

        private static SchoolPhase phase(Random random) {
            return SchoolPhase.values()[random.nextInt(3)]; // PRIMARY, SECONDARY, ALL_THROUGH: collisions likely
        }

        private static AlignmentLevel level(Random random) {
            return AlignmentLevel.values()[random.nextInt(3)];
        }

        /** null (not named) sometimes where allowed; else some phases and sometimes some named schools. */
        private static Applicability applicability(Random random, List<ProposalImpact.School> schools,
                                                   boolean mayBeNull) {
            if (mayBeNull && random.nextInt(4) == 0) {
                return null;
            }
            List<SchoolPhase> phases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                if (random.nextBoolean()) {
                    phases.add(SchoolPhase.values()[i]);
                }
            }
            List<String> named = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                schools.stream().filter(s -> random.nextBoolean()).forEach(s -> named.add(s.id()));
            }
            return new Applicability(phases, List.of(), named);
        }

        /** Every school's rules in force on AS_OF, before and after adoption, and what changed between them. */
        ProposalImpactView independently() {
            StandardDocument.VersionEntry v1 = current == null ? null : new StandardDocument.VersionEntry(1, "t",
                    Area.CURRICULUM, current.alignment(), "v1", V1_FROM, null, "p1", "exec", V1_AT,
                    current.applicability());
            StandardDocument before = v1 == null ? null
                    : new StandardDocument("std", "trust", List.of(v1), null, null, null, null);
            StandardDocument after = switch (kind) {
                case NEW_STANDARD -> new StandardDocument("std", "trust", List.of(new StandardDocument.VersionEntry(1,
                        "t", Area.CURRICULUM, alignment, "v1", AS_OF, null, "p", "exec", V2_AT, proposed)), null,
                        null, null, null);
                case AMEND_STANDARD -> new StandardDocument("std", "trust", List.of(v1,
                        new StandardDocument.VersionEntry(2, "t", Area.CURRICULUM, alignment, "v2", AS_OF, null, "p",
                                "exec", V2_AT, proposed != null ? proposed : current.applicability())),
                        null, null, null, null);
                case RETIRE_STANDARD -> new StandardDocument("std", "trust", List.of(v1), AS_OF, V2_AT, "exec",
                        "p");
            };
            List<SchoolImpact> affected = new ArrayList<>();
            List<String> gained = new ArrayList<>();
            List<String> lost = new ArrayList<>();
            List<VariationImpact> varied = new ArrayList<>();
            for (ProposalImpact.School school : schools) {
                SchoolPlacement placement = new SchoolPlacement(school.id(), school.phase(), List.of());
                List<VariationDocument> own = variations.stream().filter(v -> v.schoolId().equals(school.id()))
                        .map(Scenario::document).toList();
                Optional<RuleInForceView> was = rule(before, own, placement);
                Optional<RuleInForceView> will = rule(after, own, placement);
                if (will.isPresent() && was.isEmpty()) {
                    gained.add(school.id());
                }
                if (was.isPresent() && will.isEmpty()) {
                    lost.add(school.id());
                }
                SchoolImpactEffect effect = null;
                if (will.isPresent()) {
                    RuleStatus status = will.get().status();
                    effect = will.get().alignment() == AlignmentLevel.GUIDANCE ? SchoolImpactEffect.MAY_FOLLOW
                            : status == RuleStatus.NEEDS_REJUSTIFICATION ? SchoolImpactEffect.MUST_REJUSTIFY
                            : status == RuleStatus.IMPLEMENTATION_MISSING
                            ? SchoolImpactEffect.MUST_RECORD_IMPLEMENTATION
                            : SchoolImpactEffect.MUST_COMPLY;
                } else if (was.isPresent()) {
                    effect = kind == ProposalKind.RETIRE_STANDARD ? SchoolImpactEffect.STANDARD_ENDS
                            : SchoolImpactEffect.NO_LONGER_APPLIES;
                }
                if (effect != null) {
                    affected.add(new SchoolImpact(school.id(), effect));
                }
            }
            for (ProposalImpact.Variation v : variations) {
                ProposalImpact.School school = schools.stream().filter(s -> s.id().equals(v.schoolId())).findFirst()
                        .orElseThrow();
                Optional<RuleInForceView> will = rule(after, List.of(document(v)),
                        new SchoolPlacement(school.id(), school.phase(), List.of()));
                VariationImpactEffect effect = kind == ProposalKind.RETIRE_STANDARD ? VariationImpactEffect.ENDS
                        : will.isPresent() && will.get().status() == RuleStatus.NEEDS_REJUSTIFICATION
                        ? VariationImpactEffect.NEEDS_REJUSTIFICATION : VariationImpactEffect.NO_LONGER_NEEDED;
                varied.add(new VariationImpact(v.id(), v.schoolId(), v.kind(), v.status(), v.version(), effect));
            }
            return new ProposalImpactView("p", kind, AS_OF, affected, varied, gained, lost);
        }

        private static Optional<RuleInForceView> rule(StandardDocument standard, List<VariationDocument> variations,
                                                      SchoolPlacement school) {
            if (standard == null) {
                return Optional.empty();
            }
            return RulesInForce.forSchool(List.of(standard), variations, AS_OF, LATER, school).stream().findFirst();
        }

        private static VariationDocument document(ProposalImpact.Variation v) {
            VariationDocument.Change made = new VariationDocument.Change("e-" + v.id(),
                    v.status() == VariationStatus.APPROVED ? "APPROVED" : "RECORDED", v.status(), v.version(), "j",
                    null, V1_AT.plusSeconds(3600), V1_FROM.plusDays(1), "head", null);
            return new VariationDocument(v.id(), "trust", 0L, v.schoolId(), "std", v.kind(), v.status(), v.version(),
                    "d", "j", null, null, List.of(made));
        }
    }
}
