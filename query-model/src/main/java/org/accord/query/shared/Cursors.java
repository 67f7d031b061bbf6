package org.accord.query.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.accord.api.shared.DomainException;

/** Opaque Relay cursors over positions in an append-only list: a position never moves, so a cursor stays valid. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String list, int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position after the cursor's (0 without one); a cursor that was not made for this list is refused. */
    public static int startAfter(String list, String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(list + ":")) {
                throw new IllegalArgumentException(decoded);
            }
            int position = Integer.parseInt(decoded.substring(list.length() + 1));
            if (position < 0) {
                throw new IllegalArgumentException(decoded);
            }
            return position + 1;
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("after is not a cursor of this list: '" + cursor + "'");
        }
    }
}
