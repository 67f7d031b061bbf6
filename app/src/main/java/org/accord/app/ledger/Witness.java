package org.accord.app.ledger;

import java.nio.file.Path;
import java.util.List;

/**
 * The witness of the decision log, outside the database: every checkpoint Accord signed and every acknowledgement of a
 * problem, appended and never rewritten, so that whoever can rewrite the database does not thereby rewrite this, and a
 * board can keep copies. The ledger decides what goes in and checks the chains against it; how it is kept is the
 * platform's ({@code platform/witness/WitnessFile}).
 */
public interface Witness {

    /** Where the entries are kept, as an operator finds them: named in every problem found against them. */
    Path path();

    /** Appends one entry; it is on disk when this returns, before anything depends on it. */
    void append(WitnessEntry entry);

    /** Every entry, oldest first. */
    List<WitnessEntry> entries();

    /** One trust's entries, oldest first. */
    default List<WitnessEntry> entries(String trustId) {
        return entries().stream().filter(e -> trustId.equals(e.trustId())).toList();
    }
}
