package org.accord.app.shared;

/**
 * A command's refusal as it crosses the command bus: the details of Axon's {@code CommandExecutionException}. Axon
 * Server carries a handler's exception to the sending node as a message and an error code only, so the kind and
 * the words that a client must see travel here instead, serialised like any message.
 *
 * @param kind    a {@code DomainException.Kind} name, or {@link #UNAVAILABLE}
 * @param message the words the client sees
 */
public record CommandRefusal(String kind, String message) {

    /** The storage under Accord could not take the command; safe to send again with the same clientMutationId. */
    public static final String UNAVAILABLE = "UNAVAILABLE";
}
