package org.accord.api.trust;

import java.time.Instant;

/**
 * The person's name and contact details were removed from the directory. The log keeps every record they made,
 * under their id alone.
 */
public record PersonErasedEvent(String trustId, String personId, String erasedBy, Instant erasedAt) {
}
