package org.accord.app.standard;

import java.time.LocalDate;
import java.util.Optional;

/** What the command side may ask of the backbone about a standard's version in force on a day. */
public interface StandardsInForce {

    /** Empty when the trust has no such standard, or none of its versions is in force on {@code day}. */
    Optional<VersionInForce> find(String trustId, String standardId, LocalDate day);

    /** Whether the trust has the standard at all (to tell "unknown" from "not in force"). */
    boolean exists(String trustId, String standardId);
}
