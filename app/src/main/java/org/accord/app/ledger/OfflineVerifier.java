package org.accord.app.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar accord.jar verify-export EXPORT.json PUBLIC-KEY.pem}: verifies an export with nothing but the
 * export and the trust's public key (no server, no database, no network). Exit code 0 when intact, 1 when not,
 * 2 when the files cannot be read. The public key must come from somewhere the board trusts (the well-known URL, or
 * the trust's own records), not from the export, whose copy of it is only there to be compared.
 */
public final class OfflineVerifier {

    public static final String COMMAND = "verify-export";

    // values are read one at a time from the middle of the export
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private OfflineVerifier() {
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("usage: java -jar accord.jar " + COMMAND + " EXPORT.json PUBLIC-KEY.pem");
            return 2;
        }
        PublicKey key;
        try {
            key = LedgerKeys.publicKey(Files.readString(Path.of(args[1])));
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot read the public key " + args[1] + ": " + e.getMessage());
            return 2;
        }
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            Verification result = verify(in, key);
            print(result, out);
            return result.intact() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read the export " + args[0] + ": " + e.getMessage());
            return 2;
        }
    }

    /** Streams the export: the header is read whole, the events one at a time. */
    public static Verification verify(InputStream export, PublicKey key) {
        try (JsonParser parser = JSON.createParser(export)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            String trustId = null;
            ChainHead head = null;
            List<Checkpoint> checkpoints = new ArrayList<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "format" -> {
                        if (!ExportFormat.FORMAT.equals(parser.getString())) {
                            throw new IllegalArgumentException("not an Accord decision log export ("
                                    + ExportFormat.FORMAT + ")");
                        }
                    }
                    case "trustId" -> trustId = parser.getString();
                    case "head" -> head = ExportFormat.head(trustId, JSON.readTree(parser));
                    case "checkpoints" -> {
                        for (JsonNode checkpoint : (JsonNode) JSON.readTree(parser)) {
                            checkpoints.add(ExportFormat.checkpoint(checkpoint));
                        }
                    }
                    case "events" -> {
                        expect(parser.currentToken(), JsonToken.START_ARRAY);
                        if (trustId == null || head == null) {
                            throw new IllegalArgumentException("the export's header (trustId, head) must come"
                                    + " before its events");
                        }
                        return ChainVerifier.verify(trustId, new Events(parser), head, checkpoints, key);
                    }
                    default -> parser.skipChildren();
                }
            }
            throw new IllegalArgumentException("the export has no events");
        }
    }

    static void print(Verification result, PrintStream out) {
        if (result.intact()) {
            out.println("INTACT: " + result.checkedEvents() + " events, head " + result.headHash());
        } else {
            Verification.Problem problem = result.firstProblem();
            out.println("NOT INTACT: " + problem.kind() + " at position " + problem.position()
                    + (problem.eventId() == null ? "" : " (event " + problem.eventId() + ")"));
            out.println("  " + problem.detail());
            out.println("  " + result.checkedEvents() + " events verified before it, head " + result.headHash());
        }
        Checkpoint last = result.lastCheckpoint();
        out.println(last == null ? "No signed checkpoint covers the verified events."
                : "Last signed checkpoint verified: position " + last.position() + ", signed " + last.signedAt()
                + " by key " + last.keyId());
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("malformed export: expected " + expected + " but found " + actual);
        }
    }

    /** The export's events, parsed one by one as the verifier asks for them. */
    private static final class Events implements Iterator<StoredEvent> {

        private final JsonParser parser;
        private JsonToken next;

        Events(JsonParser parser) {
            this.parser = parser;
            this.next = parser.nextToken();
        }

        @Override
        public boolean hasNext() {
            return next == JsonToken.START_OBJECT;
        }

        @Override
        public StoredEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StoredEvent event = ExportFormat.event(JSON.readTree(parser));
            next = parser.nextToken();
            return event;
        }
    }
}
