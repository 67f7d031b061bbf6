package org.accord.app.shared;

import java.util.UUID;

/** New opaque ids. */
public final class Ids {

    private Ids() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
