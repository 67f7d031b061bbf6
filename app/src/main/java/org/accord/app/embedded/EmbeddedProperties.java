package org.accord.app.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir                    where the event store and the read models live ({@code ACCORD_DATA_DIR})
 * @param sqliteSynchronous          SQLite's {@code synchronous} pragma for the event store and the read models:
 *                                   NORMAL or FULL
 */
@ConfigurationProperties("accord")
public record EmbeddedProperties(@DefaultValue("./data") String dataDir,
                                 @DefaultValue("NORMAL") String sqliteSynchronous) {

    public EmbeddedProperties {
        if (!java.util.Set.of("NORMAL", "FULL", "EXTRA").contains(sqliteSynchronous)) {
            throw new IllegalArgumentException("accord.sqlite-synchronous (ACCORD_SQLITE_SYNCHRONOUS) must be NORMAL,"
                    + " FULL or EXTRA, was " + sqliteSynchronous);
        }
    }
}
