package org.accord.app.ledger.merkle;

/** A signed note or checkpoint that is malformed or not signed as required; the message says what is wrong. */
public class InvalidNoteException extends RuntimeException {

    public InvalidNoteException(String message) {
        super(message);
    }

    public InvalidNoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
