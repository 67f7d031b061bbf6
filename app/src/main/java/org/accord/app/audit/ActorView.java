package org.accord.app.audit;

/** Who did something, with the name the directory holds for them (null once erased; "Accord" for Accord itself). */
public record ActorView(String id, String displayName) {
}
