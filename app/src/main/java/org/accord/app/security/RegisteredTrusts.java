package org.accord.app.security;

/**
 * Where a person id is registered, for sign-in to check a token's trust claim against: the identity provider may
 * name a person's trust, but it does not decide it.
 */
public interface RegisteredTrusts {

    /** The trust that registered the person id (erased people included), or null when no trust has. */
    String trustOf(String personId);
}
