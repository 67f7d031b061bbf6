package org.accord.app.standard;

import java.util.OptionalInt;

/** What the command side may ask of the backbone: does a standard exist in this trust, and what is its version. */
public interface StandardLookup {

    /** The current version of the trust's standard, or empty when the trust has no such standard. */
    OptionalInt currentVersion(String trustId, String standardId);
}
