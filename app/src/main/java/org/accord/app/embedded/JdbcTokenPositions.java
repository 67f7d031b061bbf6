package org.accord.app.embedded;

import org.accord.app.platform.readyourwrites.SharedTokenPositions;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a projection stands according to the tokens in the read-model database (Axon's JDBC token store, its default
 * table), read without claiming anything: a token there is committed with the documents it covers.
 */
class JdbcTokenPositions implements SharedTokenPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    JdbcTokenPositions(ReadModelDatabase readModels, Serializer serializer) {
        this.jdbc = new JdbcTemplate(readModels.dataSource());
        this.serializer = serializer;
    }

    @Override
    public boolean reached(String processor, long position) {
        var tokens = jdbc.query("SELECT segment, token, tokenType, timestamp, owner FROM "
                        + ReadModelDatabase.TOKEN_TABLE + " WHERE processorName = ?",
                (row, n) -> {
                    byte[] data = row.getBytes("token");
                    return data == null ? null : new GenericTokenEntry<>(data, row.getString("tokenType"),
                            row.getString("timestamp"), row.getString("owner"), processor, row.getInt("segment"),
                            byte[].class).getToken(serializer);
                }, processor);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null
                && token.position().orElse(-1) >= position);
    }
}
