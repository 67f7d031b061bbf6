package org.accord.app.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.accord.api.standard.Applicability;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolView;
import org.junit.jupiter.api.Test;

/** Applicability the trust cannot use as it stands is warned about in words; sound applicability gets no warning. */
class ApplicabilityWarningsTest {

    private static final SchoolView ASH = new SchoolView("ash", "t", "Ash Primary", SchoolPhase.PRIMARY);
    private static final SchoolView BIRCH = new SchoolView("birch", "t", "Birch Academy", SchoolPhase.SECONDARY);
    private static final List<SchoolView> SCHOOLS = List.of(ASH, BIRCH);

    @Test
    void everySchoolAndAPhaseTheTrustHasNeedNoWarning() {
        assertThat(ApplicabilityWarnings.of(null, SCHOOLS)).isEmpty();
        assertThat(ApplicabilityWarnings.of(Applicability.phases(SchoolPhase.PRIMARY), SCHOOLS)).isEmpty();
    }

    @Test
    void aPhaseNoSchoolOfTheTrustIsInIsWarnedAbout() {
        assertThat(ApplicabilityWarnings.of(Applicability.phases(SchoolPhase.SPECIAL), SCHOOLS)).containsExactly(
                "no school of the trust is SPECIAL today: the standard would apply to no SPECIAL school until one is");
    }

    @Test
    void aNamedSchoolOutsideTheNamedPhasesIsWarnedAbout() {
        assertThat(ApplicabilityWarnings.of(new Applicability(List.of(SchoolPhase.PRIMARY), List.of(),
                List.of("birch")), SCHOOLS)).containsExactly("school 'Birch Academy' is named but is SECONDARY,"
                + " not among the phases named: it would not be covered");
    }

    @Test
    void aClusterWithoutSchoolsOrWithoutSchoolsOfTheNamedPhaseIsWarnedAbout() {
        Applicability north = new Applicability(List.of(SchoolPhase.PRIMARY), List.of("north"), List.of());
        assertThat(ApplicabilityWarnings.of(north, SCHOOLS,
                List.of(new ApplicabilityWarnings.NamedCluster("north", "North", List.of()))))
                .containsExactly("cluster 'North' has no schools today: the standard would apply to its schools from"
                        + " the day they join");
        assertThat(ApplicabilityWarnings.of(north, SCHOOLS,
                List.of(new ApplicabilityWarnings.NamedCluster("north", "North", List.of("birch")))))
                .containsExactly("no school of cluster 'North' is PRIMARY today");
        assertThat(ApplicabilityWarnings.of(north, SCHOOLS,
                List.of(new ApplicabilityWarnings.NamedCluster("north", "North", List.of("ash", "birch")))))
                .isEmpty();
    }
}
