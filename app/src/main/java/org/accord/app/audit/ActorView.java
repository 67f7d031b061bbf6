package org.accord.app.audit;

/**
 * Who did something, with the name the directory holds for them ("Accord" for Accord itself). {@code displayName} is
 * null once they were erased ({@code nameErased}), or, with {@code nameErased} false, when the directory has lost the
 * name (PersonDirectoryCheck reports it).
 */
public record ActorView(String id, String displayName, boolean nameErased) {
}
