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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.accord.app.ledger.merkle.InvalidNoteException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar accord.jar verify-export EXPORT.json PUBLIC-KEY.pem [--since CHECKPOINT.txt]}: verifies an export
 * with nothing but the export and the trust's public key (no server, no database, no network).
 *
 * <p>Exit code 0 only when every event links up <em>and</em> a tree checkpoint signed by the given key covers the
 * whole export (its size is the number of events, its root their Merkle root, its head their last link): anything
 * less proves nothing about what was left out or re-linked. 1 otherwise, naming what is missing or wrong; 2 when a
 * file cannot be read. An event whose content the export withholds from its reader (a peer review's, for someone of
 * neither school) is checked by its link only: its stated hash is what the next event and the tree build on, so
 * changing it breaks the chain or the root; its content cannot be checked, and the verdict says how many were so. With {@code --since}, an earlier checkpoint (a signed note, as printed in a board pack) must
 * be signed by the same key and be a prefix of the export: the same root at its size, so nothing before it was
 * rewritten, and nothing was cut below it.
 *
 * <p>The public key must come from somewhere the board trusts (the well-known URL when first set up, the trust's own
 * records), not from the export: whoever forged an export could forge the key in it, so that copy is only compared.
 * {@link DecisionProof} verifies a single decision ({@code verify-decision}).
 */
public final class OfflineVerifier {

    public static final String COMMAND = "verify-export";

    // values are read one at a time from the middle of the export
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private OfflineVerifier() {
    }

    /** What an export says besides its events, as far as the verifier read it. */
    record Header(String trustId, ChainHead head, String keyId, String publicKeyPem, List<Checkpoint> checkpoints) {
    }

    /** The verification of an export, and its header. */
    record Result(Verification verification, Header header) {
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length != 2 && !(args.length == 4 && "--since".equals(args[2]))) {
            out.println("usage: java -jar accord.jar " + COMMAND + " EXPORT.json PUBLIC-KEY.pem"
                    + " [--since EARLIER-CHECKPOINT.txt]");
            out.println("       java -jar accord.jar " + DecisionProof.COMMAND + " DECISION.json PUBLIC-KEY.pem");
            return 2;
        }
        PublicKey key = key(args[1], out);
        if (key == null) {
            return 2;
        }
        String since = null;
        if (args.length == 4) {
            try {
                since = note(Files.readString(Path.of(args[3])));
            } catch (IOException | RuntimeException e) {
                out.println("cannot read the earlier checkpoint " + args[3] + ": " + e.getMessage());
                return 2;
            }
        }
        Result result;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            result = verify(in, key, since);
        } catch (InvalidNoteException e) {
            out.println("NOT VERIFIED: the earlier checkpoint " + args[3] + " is not one of this trust signed by the"
                    + " given key: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot read the export " + args[0] + ": " + e.getMessage());
            return 2;
        }
        return print(result, key, since, out) ? 0 : 1;
    }

    static PublicKey key(String file, PrintStream out) {
        try {
            return LedgerKeys.publicKey(Files.readString(Path.of(file)));
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot read the public key " + file + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * A signed note as kept in a file: the note, or a board pack's checkpoint section copied whole; surrounding blank
     * lines and a missing final newline forgiven ({@link CheckpointText#noteIn}).
     */
    static String note(String text) {
        return CheckpointText.noteIn(text);
    }

    /** Streams the export without an earlier checkpoint. */
    public static Verification verify(InputStream export, PublicKey key) {
        return verify(export, key, null).verification();
    }

    /**
     * Streams the export: the header is read whole, the events one at a time.
     *
     * @param since an earlier checkpoint's signed note that the export must extend; null for none
     * @throws InvalidNoteException when {@code since} is not a checkpoint of the export's trust signed by the key
     */
    static Result verify(InputStream export, PublicKey key, String since) {
        try (JsonParser parser = JSON.createParser(export)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            String trustId = null;
            ChainHead head = null;
            String keyId = null;
            String publicKey = null;
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
                    case "keyId" -> keyId = parser.getString();
                    case "publicKey" -> publicKey = parser.getString();
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
                        List<Checkpoint> all = new ArrayList<>(checkpoints);
                        if (since != null) {
                            all.add(CheckpointSigning.open(trustId, since, key));
                        }
                        Header header = new Header(trustId, head, keyId, publicKey, checkpoints);
                        try (Events events = new Events(parser, trustId)) {
                            return new Result(ChainVerifier.verify(trustId, events, head, all, key, events), header);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            throw new IllegalArgumentException("the export has no events");
        }
    }

    /** Prints what was found; true when the export is proven whole (and consistent with {@code since}). */
    static boolean print(Result result, PublicKey key, String since, PrintStream out) {
        Verification v = result.verification();
        Header header = result.header();
        warnOfAnotherKey(header, key, out);
        boolean proven = v.coveredBySignature();
        if (!v.intact()) {
            Verification.Problem problem = v.firstProblem();
            out.println("NOT INTACT: " + problem.kind() + " at position " + problem.position()
                    + (problem.eventId() == null ? "" : " (event " + problem.eventId() + ")"));
            out.println("  " + problem.detail());
            out.println("  " + v.checkedEvents() + " events verified before it, head " + v.headHash());
        } else if (!proven) {
            Checkpoint last = v.lastCheckpoint();
            out.println("NOT PROVEN: the " + v.checkedEvents() + " events of trust '" + header.trustId() + "'"
                    + withheld(v) + " link up,"
                    + " but no checkpoint signed by the given key covers the whole export: "
                    + (last == null ? "it has none"
                    : last.isTreeCheckpoint() ? "the newest covers the first " + last.position() + " events only"
                    : "the newest (position " + last.position() + ") is of the first format, without a Merkle root")
                    + ". An export made by Accord always ends with one; without it, events could have been removed"
                    + " from its end, or the whole chain re-linked.");
        } else {
            out.println("INTACT: " + v.checkedEvents() + " events of trust '" + header.trustId() + "'"
                    + withheld(v) + ", head " + v.headHash() + ", Merkle root " + v.rootHash());
        }
        Checkpoint last = v.lastCheckpoint();
        out.println(last == null ? "No signed checkpoint covers the verified events."
                : "Last signed checkpoint verified: position " + last.position() + ", signed " + last.signedAt()
                + " by key " + last.keyId() + (proven ? ", covering the whole export" : ""));
        if (since != null && v.intact()) {
            Checkpoint earlier = CheckpointSigning.open(header.trustId(), since, key);
            out.println("CONSISTENT with the earlier checkpoint: size " + earlier.position() + ", signed "
                    + earlier.signedAt() + ", root " + earlier.rootHash() + " is a prefix of this export");
        }
        return proven;
    }

    /** How many events' content the export withheld from its reader, said wherever the events are counted. */
    private static String withheld(Verification v) {
        return v.withheldEvents() == 0 ? "" : " (" + v.withheldEvents() + " withheld from this reader: their links"
                + " checked, their content not)";
    }

    private static void warnOfAnotherKey(Header header, PublicKey key, PrintStream out) {
        String given = LedgerKeys.keyIdOf(key);
        String inside = null;
        if (header.publicKeyPem() != null) {
            try {
                inside = LedgerKeys.keyIdOf(LedgerKeys.publicKey(header.publicKeyPem()));
            } catch (IllegalArgumentException e) {
                inside = "an unreadable key";
            }
        }
        if ((inside != null && !inside.equals(given)) || (header.keyId() != null && !header.keyId().equals(given))) {
            out.println("WARNING: the export names another public key (" + (inside != null ? inside : header.keyId())
                    + ") than the one given (" + given + "). Only the key given is trusted here; if the trust's key"
                    + " was not replaced on purpose, this export was not made by its Accord.");
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("malformed export: expected " + expected + " but found " + actual);
        }
    }

    /**
     * The export's events, parsed on a thread of their own, their link hashes computed ahead on two more, batch by
     * batch, each on the hash its predecessor claims: the verifier then only compares (and recomputes where the claim
     * was not the verified hash). Reading the JSON and hashing dominate the time, so on two cores a large export
     * verifies in about half of it.
     */
    private static final class Events implements Iterator<StoredEvent>, ChainVerifier.PrecomputedLinks,
            AutoCloseable {

        private static final int BATCH = 512;

        /** Events, the previous hash each was hashed on (null: not hashed ahead), and the hashes. */
        private record Batch(List<StoredEvent> events, String[] previous, String[] hashes) {
        }

        private static final CompletableFuture<Batch> END = CompletableFuture.completedFuture(null);

        private final String trustId;
        private final BlockingQueue<CompletableFuture<Batch>> batches = new ArrayBlockingQueue<>(16);
        private final ExecutorService hashing = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "accord-export-hashing");
            thread.setDaemon(true);
            return thread;
        });
        private final Thread reader;
        private Batch current;
        private int index = -1;
        private boolean ended;

        Events(JsonParser parser, String trustId) {
            this.trustId = trustId;
            reader = new Thread(() -> read(parser), "accord-export-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(JsonParser parser) {
            try {
                try {
                    String claimed = ChainHasher.GENESIS;
                    List<StoredEvent> batch = new ArrayList<>(BATCH);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        batch.add(ExportFormat.event(JSON.readTree(parser)));
                        if (batch.size() == BATCH) {
                            claimed = submit(batch, claimed);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    submit(batch, claimed);
                    batches.put(END);
                } catch (RuntimeException e) {
                    batches.put(CompletableFuture.failedFuture(e));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt(); // the verifier stopped early: nobody wants the rest
            }
        }

        /** Hands the batch to the hashing threads; returns the hash its last event of the trust claims. */
        private String submit(List<StoredEvent> events, String claimed) throws InterruptedException {
            String[] previous = new String[events.size()];
            for (int i = 0; i < events.size(); i++) {
                StoredEvent event = events.get(i);
                if (trustId.equals(event.chainTrust()) && event.chainHash() != null) {
                    // a withheld event is not hashed (it cannot be): the verifier takes its stated hash
                    previous[i] = event.isWithheld() ? null : claimed;
                    claimed = event.chainHash();
                }
            }
            batches.put(CompletableFuture.supplyAsync(() -> {
                String[] hashes = new String[events.size()];
                for (int i = 0; i < hashes.length; i++) {
                    long position = events.get(i).chainPosition();
                    if (previous[i] != null && position > 0) {
                        hashes[i] = events.get(i).linkHash(trustId, position, previous[i]);
                    }
                }
                return new Batch(events, previous, hashes);
            }, hashing));
            return claimed;
        }

        @Override
        public boolean hasNext() {
            while ((current == null || index + 1 >= current.events().size()) && !ended) {
                CompletableFuture<Batch> next;
                try {
                    next = batches.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the export", e);
                }
                if (next == END) {
                    ended = true;
                } else {
                    try {
                        current = next.join();
                    } catch (CompletionException failed) {
                        throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
                    }
                    index = -1;
                }
            }
            return current != null && index + 1 < current.events().size();
        }

        @Override
        public StoredEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.events().get(++index);
        }

        @Override
        public String hash(StoredEvent event, long position, String previous) {
            if (current == null || index < 0 || current.events().get(index) != event
                    || current.previous()[index] == null || !current.previous()[index].equals(previous)
                    || event.chainPosition() != position) {
                return null;
            }
            return current.hashes()[index];
        }

        /** Stops the reader and the hashing, before the parser they read from is closed. */
        @Override
        public void close() {
            reader.interrupt();
            hashing.shutdownNow();
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
