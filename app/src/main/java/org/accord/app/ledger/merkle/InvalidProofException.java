package org.accord.app.ledger.merkle;

/** A proof that does not prove what it claims; the message says which check failed. */
public class InvalidProofException extends RuntimeException {

    public InvalidProofException(String message) {
        super(message);
    }
}
