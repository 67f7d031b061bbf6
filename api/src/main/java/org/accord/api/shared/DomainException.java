package org.accord.api.shared;

/**
 * A refusal that a client caused and can understand: a broken rule, an unknown id, a missing right or a conflicting
 * change. The message names the problem; the kind decides how it is classified for the client.
 */
public class DomainException extends RuntimeException {

    public enum Kind { BAD_REQUEST, NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException badRequest(String message) {
        return new DomainException(Kind.BAD_REQUEST, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }
}
