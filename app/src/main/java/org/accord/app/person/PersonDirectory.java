package org.accord.app.person;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The erasable home of personal data: display names (and, later, contact details) by person id. Events name people by
 * id only, so erasing a person here leaves the decision record intact and pseudonymous.
 * <p>
 * It is also where a person id is claimed for its trust, once and for good: ids are unique across trusts (read
 * models, sign-in and the decision log find a person by id alone), compared ignoring case (so that no trust gets a
 * look-alike of another's person), and an erased person's id stays claimed (the entry keeps id and trust, not the
 * name).
 */
public interface PersonDirectory {

    /** A person's entry: their trust, and their name unless it was erased. */
    record Entry(String personId, String trustId, String displayName) {

        public boolean erased() {
            return displayName == null;
        }
    }

    /**
     * Claims the id for the trust and records the person's name; called inside the command's transaction, so it
     * stands or falls with the events.
     *
     * @throws org.accord.api.shared.DomainException CONFLICT when any trust already has the id (or one that differs
     *                                               only in case), erased people included; nothing is written then
     */
    void record(String personId, String trustId, String displayName);

    /** Removes everything personal about the person (the id stays claimed); called inside the erasure's transaction. */
    void erase(String personId);

    /** The entry of the id, or of one that differs from it only in case; null when no trust has claimed it. */
    Entry find(String personId);

    /** The entries of exactly these ids that have one (erased people included, with no name). */
    Map<String, Entry> entries(Collection<String> personIds);

    /** Display names of the given people who have one; erased and unknown people are absent. */
    default Map<String, String> displayNames(Collection<String> personIds) {
        return entries(personIds).values().stream().filter(e -> !e.erased())
                .collect(Collectors.toMap(Entry::personId, Entry::displayName));
    }

    /**
     * Records (or, with null, removes) the person's e-mail address, where notifications are mailed when the operator
     * turns e-mail on. Contact details are personal data: they live here beside the name, never in an event, and
     * {@link #erase} removes them with it. Not kept for an erased person.
     */
    default void recordEmail(String personId, String email) {
        throw new UnsupportedOperationException("this directory keeps no e-mail addresses");
    }

    /** The person's e-mail address, or null when they gave none or were erased. */
    default String email(String personId) {
        return null;
    }

    /** The message of the refusal when an id is taken. */
    static String alreadyRegistered(String personId, Entry existing) {
        return existing == null || existing.personId().equals(personId)
                ? "person '" + personId + "' is already registered"
                : "person '" + personId + "' is already registered as '" + existing.personId()
                        + "' (person ids are compared ignoring case)";
    }
}
