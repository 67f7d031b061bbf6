package org.accord.query.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.rights.DecisionRightsChangedEvent;
import org.accord.api.standard.Area;

/**
 * The versions of a trust's decision-rights map and which one is in force, on two time axes like a standard's: the
 * highest version recorded by {@code knownAt} and effective by {@code asOf}. Pure and framework-free: the trust
 * aggregate enforces the map with it, the read side answers "who decides" with it.
 */
public final class DecisionRightsHistory {

    /** One version of the map. */
    public record Version(int number, List<DecisionRight> rights, LocalDate effectiveFrom, Instant recordedAt) {

        /**
         * The line for the area's topic, else the area's own line (no topic); empty when the map says nothing of
         * the area, which the trust then decides.
         */
        public Optional<DecisionRight> rightFor(Area area, String topic) {
            if (topic != null && !topic.isBlank()) {
                Optional<DecisionRight> narrow = rights.stream()
                        .filter(r -> r.area() == area && r.topic() != null && key(r.topic()).equals(key(topic)))
                        .findFirst();
                if (narrow.isPresent()) {
                    return narrow;
                }
            }
            return rights.stream().filter(r -> r.area() == area && r.topic() == null).findFirst();
        }

        public DecisionLevel levelOf(Area area) {
            return rightFor(area, null).map(DecisionRight::level).orElse(DecisionLevel.TRUST);
        }
    }

    private final List<Version> versions;

    private DecisionRightsHistory(List<Version> versions) {
        this.versions = versions;
    }

    public static DecisionRightsHistory none() {
        return new DecisionRightsHistory(List.of());
    }

    public static DecisionRightsHistory of(List<Version> versions) {
        return new DecisionRightsHistory(List.copyOf(versions));
    }

    public static Version version(DecisionRightsChangedEvent event) {
        return new Version(event.version(), List.copyOf(event.rights()), event.effectiveFrom(), event.recordedAt());
    }

    public DecisionRightsHistory with(Version version) {
        List<Version> more = new ArrayList<>(versions);
        more.add(version);
        return new DecisionRightsHistory(List.copyOf(more));
    }

    public List<Version> versions() {
        return versions;
    }

    /** The latest version recorded, whatever its date. */
    public Optional<Version> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version in force on {@code asOf} as recorded at {@code knownAt} (null: everything recorded). */
    public Optional<Version> inForce(LocalDate asOf, Instant knownAt) {
        return versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(asOf)
                        && (knownAt == null || !v.recordedAt().isAfter(knownAt)))
                .reduce((a, b) -> b.number() > a.number() ? b : a);
    }

    /** Topics are compared ignoring case and surrounding blanks. */
    public static String key(String topic) {
        return topic.strip().toLowerCase(Locale.ROOT);
    }
}
