package org.accord.app.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;

/**
 * Axon ships no table factory for SQLite. The global index is the table's {@code INTEGER PRIMARY KEY AUTOINCREMENT}
 * (the rowid itself, so appends need no extra index and indexes are never reused), payloads are BLOBs, and the
 * unique keys of Axon's schema are kept: one event per aggregate and sequence number, one row per event id.
 */
public class SqliteEventTableFactory implements EventTableFactory {

    @Override
    public PreparedStatement createDomainEventTable(Connection connection, EventSchema schema) throws SQLException {
        String sql = "CREATE TABLE IF NOT EXISTS " + schema.domainEventTable() + " (\n"
                + schema.globalIndexColumn() + " INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                + schema.aggregateIdentifierColumn() + " TEXT NOT NULL,\n"
                + schema.sequenceNumberColumn() + " INTEGER NOT NULL,\n"
                + schema.typeColumn() + " TEXT,\n"
                + schema.eventIdentifierColumn() + " TEXT NOT NULL UNIQUE,\n"
                + schema.metaDataColumn() + " BLOB,\n"
                + schema.payloadColumn() + " BLOB NOT NULL,\n"
                + schema.payloadRevisionColumn() + " TEXT,\n"
                + schema.payloadTypeColumn() + " TEXT NOT NULL,\n"
                + schema.timestampColumn() + " TEXT NOT NULL,\n"
                + "UNIQUE (" + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + ")\n"
                + ")";
        return connection.prepareStatement(sql);
    }

    @Override
    public PreparedStatement createSnapshotEventTable(Connection connection, EventSchema schema) throws SQLException {
        String sql = "CREATE TABLE IF NOT EXISTS " + schema.snapshotTable() + " (\n"
                + schema.aggregateIdentifierColumn() + " TEXT NOT NULL,\n"
                + schema.sequenceNumberColumn() + " INTEGER NOT NULL,\n"
                + schema.typeColumn() + " TEXT NOT NULL,\n"
                + schema.eventIdentifierColumn() + " TEXT NOT NULL UNIQUE,\n"
                + schema.metaDataColumn() + " BLOB,\n"
                + schema.payloadColumn() + " BLOB NOT NULL,\n"
                + schema.payloadRevisionColumn() + " TEXT,\n"
                + schema.payloadTypeColumn() + " TEXT NOT NULL,\n"
                + schema.timestampColumn() + " TEXT NOT NULL,\n"
                + "PRIMARY KEY (" + schema.aggregateIdentifierColumn() + ", " + schema.sequenceNumberColumn() + ")\n"
                + ")";
        return connection.prepareStatement(sql);
    }
}
