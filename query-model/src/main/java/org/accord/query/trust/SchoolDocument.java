package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.trust.SchoolPhase;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A school: {@code phase} is the phase it was registered with; {@code phaseChanges} each later phase with the day it
 * took effect (valid time) and the moment it was recorded (record time).
 */
@Document("schools")
public record SchoolDocument(@Id String id, String trustId, String name, SchoolPhase phase,
                             List<PhaseChange> phaseChanges) {

    public record PhaseChange(SchoolPhase phase, LocalDate effectiveFrom, Instant recordedAt) {
    }

    public List<PhaseChange> phaseChanges() {
        return phaseChanges == null ? List.of() : phaseChanges;
    }
}
