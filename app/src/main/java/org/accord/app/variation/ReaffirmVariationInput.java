package org.accord.app.variation;

import java.time.LocalDate;

public record ReaffirmVariationInput(String clientMutationId, String variationId, Integer version,
                                     String justification, LocalDate reviewBy, LocalDate expiresOn) {

    /** A variation has one date: its review date or its expiry date, whichever the client gave. */
    LocalDate until() {
        return reviewBy != null ? reviewBy : expiresOn;
    }
}
