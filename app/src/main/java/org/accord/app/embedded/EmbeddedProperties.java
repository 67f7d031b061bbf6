package org.accord.app.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir                    where the event store and the read models live ({@code ACCORD_DATA_DIR})
 * @param sqliteSynchronous          SQLite's {@code synchronous} pragma for the event store: NORMAL or FULL
 * @param mongoPort                  loopback port of the in-process MongoDB API; 0 picks a free one
 * @param readModelCommitDelayMillis how often the read models' file is saved (ReadModelFile); what a crash loses
 *                                   since the last save, documents and tokens together, the projections replay
 */
@ConfigurationProperties("accord")
public record EmbeddedProperties(@DefaultValue("./data") String dataDir,
                                 @DefaultValue("NORMAL") String sqliteSynchronous,
                                 @DefaultValue("0") int mongoPort,
                                 @DefaultValue("100") int readModelCommitDelayMillis) {

    public EmbeddedProperties {
        if (!java.util.Set.of("NORMAL", "FULL", "EXTRA").contains(sqliteSynchronous)) {
            throw new IllegalArgumentException("accord.sqlite-synchronous (ACCORD_SQLITE_SYNCHRONOUS) must be NORMAL,"
                    + " FULL or EXTRA, was " + sqliteSynchronous);
        }
    }
}
