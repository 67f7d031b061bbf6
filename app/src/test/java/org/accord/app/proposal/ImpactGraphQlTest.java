package org.accord.app.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/**
 * A proposal's impact before the vote, over HTTP, each answer compared with a reckoning made here from the trust's
 * schools and the standard's variations as the API lists them. Other tests add schools to the demo trust, so each
 * expectation is drawn from the record at the time of asking, never from a fixed list.
 */
@SuppressWarnings("unchecked")
class ImpactGraphQlTest extends AccordHttpTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Set<String> OPEN = Set.of("REQUESTED", "RECORDED", "APPROVED");

    @Test
    void theProposalOpenForVotingAsksEachSecondaryAndAllThroughSchoolToRecordAnImplementation() {
        Map<String, String> expected = new LinkedHashMap<>();
        schools().forEach(s -> {
            if (Set.of("SECONDARY", "ALL_THROUGH").contains(s.get("phase"))) {
                expected.put((String) s.get("id"), "MUST_RECORD_IMPLEMENTATION");
            }
        });
        Map<String, Object> impact = impact("demo-proposal-library-lesson", "member1");
        assertThat(impact.get("asOf")).isEqualTo(later(LocalDate.of(2027, 1, 4)).toString());
        assertThat(effects(impact)).isEqualTo(expected);
        assertThat(ids(impact, "schoolsGained")).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(ids(impact, "schoolsLost")).isEmpty();
        assertThat((List<?>) impact.get("variations")).isEmpty();
    }

    @Test
    void aNewRequiredStandardForPrimarySchoolsMustBeCompliedWithByEachPrimary() {
        Map<String, Object> input = draft("Impact: phonics every day " + unique(), "NEW_STANDARD", "REQUIRED");
        input.put("appliesTo", Map.of("phases", List.of("PRIMARY")));
        String id = drafted(input);
        Map<String, String> expected = new LinkedHashMap<>();
        schools().stream().filter(s -> "PRIMARY".equals(s.get("phase")))
                .forEach(s -> expected.put((String) s.get("id"), "MUST_COMPLY"));
        assertThat(effects(impact(id, "board"))).isEqualTo(expected);
    }

    @Test
    void anAmendmentThatNarrowsTheHistoryStandardToPrimariesNamesEachVariationToRejustifyAndTheSchoolsLost() {
        LocalDate from = TODAY.plusDays(5);
        Map<String, Object> input = draft("Impact: history for primaries " + unique(), "AMEND_STANDARD", "ADAPTABLE");
        input.put("standardId", "demo-standard-ks2-history");
        input.put("amendsVersion", 2);
        input.put("effectiveFrom", from.toString());
        input.put("appliesTo", Map.of("phases", List.of("PRIMARY")));
        String id = drafted(input);

        // the reckoning made here: covered now by PRIMARY and ALL_THROUGH, after by PRIMARY alone
        Map<String, Object> facts = facts("demo-standard-ks2-history");
        List<Map<String, Object>> variations = open(facts, from);
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lost = new ArrayList<>();
        for (Map<String, Object> school : schoolsOf(facts)) {
            String schoolId = (String) school.get("id");
            boolean now = Set.of("PRIMARY", "ALL_THROUGH").contains(school.get("phase"));
            boolean then = "PRIMARY".equals(school.get("phase"));
            boolean varies = variations.stream().anyMatch(v -> schoolId.equals(((Map<?, ?>) v.get("school")).get("id")));
            if (then) {
                expected.put(schoolId, varies ? "MUST_REJUSTIFY" : "MUST_RECORD_IMPLEMENTATION");
            } else if (now) {
                expected.put(schoolId, "NO_LONGER_APPLIES");
                lost.add(schoolId);
            }
        }
        Map<String, Object> impact = impact(id, "member2");
        assertThat(impact.get("asOf")).isEqualTo(from.toString());
        assertThat(effects(impact)).isEqualTo(expected);
        assertThat(expected).containsEntry("demo-school-oakwood", "MUST_REJUSTIFY")
                .containsEntry("demo-school-meadowbank", "MUST_REJUSTIFY")
                .containsEntry("demo-school-willowbrook", "MUST_RECORD_IMPLEMENTATION")
                .containsEntry("demo-school-castle-hill", "NO_LONGER_APPLIES");
        assertThat(ids(impact, "schoolsLost")).containsExactlyInAnyOrderElementsOf(lost);
        assertThat(ids(impact, "schoolsGained")).isEmpty();
        Map<String, String> variationEffects = new HashMap<>();
        ((List<Map<String, Object>>) impact.get("variations")).forEach(v -> variationEffects.put(
                (String) ((Map<?, ?>) v.get("variation")).get("id"), (String) v.get("effect")));
        Map<String, String> expectedVariations = new HashMap<>();
        variations.forEach(v -> expectedVariations.put((String) v.get("id"),
                "PRIMARY".equals(phaseOf(facts, (String) ((Map<?, ?>) v.get("school")).get("id")))
                        ? "NEEDS_REJUSTIFICATION" : "NO_LONGER_NEEDED"));
        assertThat(variationEffects).isEqualTo(expectedVariations)
                .containsEntry("demo-variation-oakwood-history", "NEEDS_REJUSTIFICATION")
                .containsEntry("demo-variation-meadowbank-history", "NEEDS_REJUSTIFICATION");
    }

    @Test
    void aRetirementEndsTheStandardForEverySchoolAndEndsEachOpenVariation() {
        Map<String, Object> input = draft("Impact: retire the safeguarding log " + unique(), "RETIRE_STANDARD", null);
        input.put("standardId", "demo-standard-safeguarding-log");
        String id = drafted(input);
        Map<String, Object> facts = facts("demo-standard-safeguarding-log");
        Map<String, String> expected = new LinkedHashMap<>();
        schoolsOf(facts).forEach(s -> expected.put((String) s.get("id"), "STANDARD_ENDS"));
        Map<String, Object> impact = impact(id, "board");
        assertThat(effects(impact)).isEqualTo(expected);
        List<String> ending = open(facts, TODAY).stream().map(v -> (String) v.get("id")).toList();
        List<String> ended = ((List<Map<String, Object>>) impact.get("variations")).stream()
                .map(v -> (String) ((Map<?, ?>) v.get("variation")).get("id")).toList();
        assertThat(ended).containsExactlyInAnyOrderElementsOf(ending).contains("demo-variation-willowbrook-log");
        assertThat(((List<Map<String, Object>>) impact.get("variations"))).extracting(v -> v.get("effect"))
                .containsOnly("ENDS");
        assertThat(ids(impact, "schoolsLost")).containsExactlyInAnyOrderElementsOf(expected.keySet());
    }

    @Test
    void onceVotingHasClosedThereIsNoImpactToPreviewAndAnOutsiderSeesNoProposal() {
        as("board").documentName("proposalImpact").variable("id", "demo-proposal-y9-calendar").execute()
                .path("proposal.status").entity(String.class).isEqualTo("REJECTED")
                .path("proposal.impact").valueIsNull();
        as("outsider").documentName("proposalImpact").variable("id", "demo-proposal-library-lesson").execute()
                .path("proposal").valueIsNull();
    }

    // the reckoning made here

    private List<Map<String, Object>> schools() {
        return as("board").documentName("impactFacts").variable("standardId", "demo-standard-ks2-history")
                .execute().path("trust.schools").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    /** The trust's schools and the standard's variations, as the API lists them now. */
    private Map<String, Object> facts(String standardId) {
        var response = as("board").documentName("impactFacts").variable("standardId", standardId).execute();
        return Map.of("trust", response.path("trust").entity(Map.class).get(),
                "standard", response.path("standard").entity(Map.class).get());
    }

    private static List<Map<String, Object>> schoolsOf(Map<String, Object> facts) {
        return (List<Map<String, Object>>) ((Map<?, ?>) facts.get("trust")).get("schools");
    }

    private static String phaseOf(Map<String, Object> facts, String schoolId) {
        return schoolsOf(facts).stream().filter(s -> schoolId.equals(s.get("id"))).map(s -> (String) s.get("phase"))
                .findFirst().orElse(null);
    }

    /** The standard's variations open on the day: requested, recorded or approved, not lapsing before it. */
    private static List<Map<String, Object>> open(Map<String, Object> facts, LocalDate on) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) ((Map<?, ?>) facts.get("standard"))
                .get("variations");
        return all.stream().filter(v -> OPEN.contains(v.get("status"))).filter(v -> {
            Object until = v.get("reviewBy") != null ? v.get("reviewBy") : v.get("expiresOn");
            return until == null || LocalDate.parse((String) until).isAfter(on);
        }).toList();
    }

    private static LocalDate later(LocalDate date) {
        return date.isAfter(TODAY) ? date : TODAY;
    }

    // the answer

    private Map<String, Object> impact(String proposalId, String account) {
        return as(account).documentName("proposalImpact").variable("id", proposalId).execute()
                .path("proposal.impact").entity(Map.class).get();
    }

    private static Map<String, String> effects(Map<String, Object> impact) {
        Map<String, String> effects = new LinkedHashMap<>();
        ((List<Map<String, Object>>) impact.get("schools")).forEach(s ->
                effects.put((String) ((Map<?, ?>) s.get("school")).get("id"), (String) s.get("effect")));
        return effects;
    }

    private static List<String> ids(Map<String, Object> impact, String field) {
        return ((List<Map<String, Object>>) impact.get(field)).stream().map(s -> (String) s.get("id")).toList();
    }

    private String drafted(Map<String, Object> input) {
        return as("member1").documentName("draftProposal").variable("input", input).execute()
                .path("draftProposal.proposal.id").entity(String.class).get();
    }

    private static Map<String, Object> draft(String title, String kind, String alignment) {
        Map<String, Object> input = new HashMap<>(Map.of("teamId", "demo-team-english", "kind", kind,
                "title", title, "area", "CURRICULUM", "statement", "Schools do: " + title));
        if (alignment != null) {
            input.put("alignment", alignment);
        }
        return input;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
