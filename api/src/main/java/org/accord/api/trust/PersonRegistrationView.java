package org.accord.api.trust;

/** A person id as the events registered it: its trust, and whether the person's details were erased. */
public record PersonRegistrationView(String personId, String trustId, boolean erased) {
}
