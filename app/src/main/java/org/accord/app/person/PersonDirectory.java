package org.accord.app.person;

import java.util.Collection;
import java.util.Map;

/**
 * The erasable home of personal data: display names (and, later, contact details) by person id. Events name people by
 * id only, so erasing a person here leaves the decision record intact and pseudonymous.
 */
public interface PersonDirectory {

    /** Records a person's name; called inside the command's transaction, so it stands or falls with the events. */
    void record(String personId, String trustId, String displayName);

    /** Removes everything personal about the person; called inside the erasure's transaction. */
    void erase(String personId);

    /** Display names of the given people who have one; erased and unknown people are absent. */
    Map<String, String> displayNames(Collection<String> personIds);
}
