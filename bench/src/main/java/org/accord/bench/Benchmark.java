package org.accord.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.accord.bench.load.SyntheticTrust;
import org.accord.query.runtime.sqlite.CompressedRows;
import org.accord.query.runtime.sqlite.DocumentJson;
import org.bson.Document;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The benchmark command (bench/run). Builds a synthetic trust through the real command path (the packaged
 * application with the loader on its classpath), then measures the packaged application as a process of its own
 * against the raw stores it uses, in the same run, on the same files, and prints every figure as a ratio.
 * Sizes and durations are system properties (see {@code bench/run} and the README).
 */
public final class Benchmark {

    private static final String PASSWORD = "bench";
    /** The embedded mode's read-model file (documents and tokens), beside events.db in the data folder. */
    private static final String READ_MODELS = "readmodels.db";
    /** The table castVote's projection (ProposalProjection, VoteCastEvent) upserts: ProposalDocument's collection. */
    private static final String PROPOSALS = "proposals";
    /** Scratch rows of the raw castVote baseline, in the proposals table itself, deleted afterwards. */
    private static final String RAW_ID_PREFIX = "bench-raw-";
    /** castVote's warm-up goes on in rounds of this many seconds... */
    private static final int WARM_UP_ROUND = 10;
    /** ...until the JIT compiled for less than this share of a round's time. */
    private static final double COMPILING_IDLE = 0.03;
    /** rulesInForce's warm-up, in rounds of this many queries of each kind... */
    private static final int RULES_WARM_UP_ROUND = 100;
    /** ...and at most this many rounds. */
    private static final int RULES_WARM_UP_MAX_ROUNDS = 20;
    /** The compliance view's warm-up: rounds of every query it measures, this many schools each... */
    private static final int COMPLIANCE_WARM_UP_SCHOOLS = 10;
    /** ...at most this many rounds. */
    private static final int COMPLIANCE_WARM_UP_MAX_ROUNDS = 15;

    private final Path appJar = Path.of(System.getProperty("bench.app-jar", "app/target/accord.jar"));
    private final Path benchJar = Path.of(System.getProperty("bench.jar", "bench/target/accord-bench.jar"));
    private final Path work = Path.of(System.getProperty("bench.dir", "bench/target/run")).toAbsolutePath();
    private final int clients = Integer.getInteger("bench.clients", 32);
    private final int voteSeconds = Integer.getInteger("bench.vote-seconds", 30);
    private final int voteWarmUpSeconds = Integer.getInteger("bench.vote-warmup-seconds", 60);
    private final int voteWarmUpMaxSeconds = Integer.getInteger("bench.vote-warmup-max-seconds", 300);
    private final int rulesQueries = Integer.getInteger("bench.rules-queries", 300);
    private final List<String> appJvmArgs = appJvmArgs();
    private final String accounts;
    private final Report report = new Report();

    private Benchmark() {
        int cost = Integer.getInteger("bench.bcrypt-cost", 10);
        String hash = "{bcrypt}" + BCrypt.hashpw(PASSWORD, BCrypt.gensalt(cost));
        StringBuilder json = new StringBuilder("{\"accord\":{\"security\":{\"accounts\":{");
        for (int c = 0; c < Math.max(clients, 1); c++) {
            String member = clientAccount(c);
            json.append(c == 0 ? "" : ",").append('"').append(member).append("\":{\"password\":\"").append(hash)
                    .append("\",\"person-id\":\"").append(member).append("\",\"trust-id\":\"")
                    .append(SyntheticTrust.TRUST).append("\"}");
        }
        accounts = json.append("}}}}").toString();
        report.note("accounts: HTTP Basic, bcrypt cost " + cost + " (the demo accounts' cost is 10)");
    }

    public static void main(String[] args) {
        try {
            new Benchmark().run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // as the error path does: no thread left running decides when the run ends
    }

    /** Client c signs in as a member of one of the live teams. */
    private static String clientAccount(int c) {
        return SyntheticTrust.member(c % SyntheticTrust.LIVE_TEAMS, c / SyntheticTrust.LIVE_TEAMS
                % SyntheticTrust.TEAM_SIZE);
    }

    private static List<String> appJvmArgs() {
        String args = System.getProperty("bench.app-jvm-args", "");
        return args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        SyntheticTrust.Size size = SyntheticTrust.Size.fromSystemProperties();
        Path data = work.resolve("data-" + size.events());
        report.note("size: " + size);

        // start-up and heap of the same jar on an empty store: the baseline of the start-up and heap figures
        Path empty = work.resolve("empty");
        deleteTree(empty);
        double emptyStart;
        double emptyHeap;
        try (AppProcess app = AppProcess.start(appJar, empty, accounts, appJvmArgs, null, work.resolve("empty.log"))) {
            emptyStart = app.awaitHealthy(Duration.ofMinutes(5));
            Thread.sleep(2000);
            emptyHeap = app.heapAfterGcMiB();
        }
        System.out.printf(Locale.ROOT, "empty store: healthy after %.1f s, heap %.0f MiB%n", emptyStart, emptyHeap);

        load(size, data);
        Properties loaded = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("bench-load.properties"))) {
            loaded.load(in);
        }
        Path eventsDb = data.resolve("events.db");
        long events = countEvents(eventsDb);
        report.note(String.format(Locale.ROOT, "store: %,d events, %,d bytes (events.db), loaded by %s commands in"
                        + " %s s (%s threads)", events, Files.size(eventsDb), loaded.getProperty("commands"),
                loaded.getProperty("seconds"), loaded.getProperty("threads")));

        double startSeconds;
        try (AppProcess app = AppProcess.start(appJar, data, accounts, withJfr("app"), null,
                work.resolve("app.log"))) {
            startSeconds = app.awaitHealthy(Duration.ofMinutes(30));
            System.out.printf(Locale.ROOT, "store of %,d events: healthy after %.1f s%n", events, startSeconds);
            // the start-up check of the decision log hashes every event in the background after a start (run 11
            // found it on one of the two cores for the first minute of the castVote load): measure after it, and
            // print how long it took
            double checked = app.awaitLogLine("Decision log checked for", Duration.ofMinutes(30));
            report.note(String.format(Locale.ROOT, "the decision log's start-up check (every event of the trust"
                    + " hashed, in the background) ended %.1f s after the start; the figures below are measured"
                    + " after it", checked));
            castVote(app, eventsDb, data.resolve(READ_MODELS));
            rulesInForce(app, data.resolve(READ_MODELS), Instant.parse(loaded.getProperty("knownAtMid")));
            compliance(app, data.resolve(READ_MODELS), Instant.parse(loaded.getProperty("complianceMid")));
            pages(app, countEvents(eventsDb));
            Thread.sleep(3000);
            double heap = app.heapAfterGcMiB();
            report.row("start-up to healthy, " + String.format(Locale.ROOT, "%,d", events) + " events", "s",
                    startSeconds, emptyStart, "empty store", "< 5 s", startSeconds < 5);
            report.row("heap after the load, idle (after GC)", "MiB", heap, emptyHeap, "empty store, idle",
                    "< 512 MiB", heap < 512);
        }

        if (Boolean.parseBoolean(System.getProperty("bench.replay", "true"))) {
            // the castVote load added events since the count above: the replay replays them all
            replay(data, eventsDb, countEvents(eventsDb), startSeconds);
        }
        report.print(work.resolve("report.md"));
    }

    // ---------------------------------------------------------------- the board's pages

    /**
     * The first render of the board's pages on this store, in headless Chromium (issue 21's goal: the register's first
     * page under 1 s with a log of 100,000 records; this store's log is larger). Printed, not a ratio: a page's first
     * render has no raw-store equivalent. Skipped, saying so, where Chromium is not installed.
     */
    private void pages(AppProcess app, long events) throws Exception {
        if (!PageTimer.available()) {
            report.note("pages: not timed, " + PageTimer.CHROMIUM + " is not installed");
            return;
        }
        String base = "http://127.0.0.1:" + app.httpPort;
        int loads = Integer.getInteger("bench.page-loads", 5);
        try (PageTimer browser = PageTimer.start()) {
            browser.signIn(base, clientAccount(0), PASSWORD);
            for (String page : List.of("index.html", "standards.html", "variations.html", "rights.html")) {
                double[] ms = new double[loads];
                long bytes = 0;
                for (int i = 0; i < loads; i++) {
                    PageTimer.Render render = browser.open(base + "/board/" + page);
                    ms[i] = render.firstRenderMs();
                    bytes = render.transferBytes();
                }
                java.util.Arrays.sort(ms);
                String line = String.format(Locale.ROOT, "page %s (%s): first render over %d loads p50 %.0f ms,"
                                + " max %.0f ms; transfer %,d bytes (last load)%s", page,
                        "index.html".equals(page) ? "the decision register, newest first, of a trust with "
                                + String.format(Locale.ROOT, "%,d", events) + " events" : "board page",
                        loads, ms[loads / 2], ms[loads - 1], bytes,
                        "index.html".equals(page) ? "; goal < 1,000 ms" : "");
                System.out.println(line);
                report.note(line);
            }
        }
    }

    private List<String> withJfr(String name) {
        List<String> args = new ArrayList<>(appJvmArgs);
        if (Boolean.getBoolean("bench.jfr")) {
            args.add("-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=profile");
        }
        return args;
    }

    /** Builds the synthetic trust, unless this size was already built in the same folder. */
    private void load(SyntheticTrust.Size size, Path data) throws Exception {
        Path summary = data.resolve("bench-load.properties");
        boolean reuse = Files.exists(summary) && !Boolean.getBoolean("bench.reload");
        if (reuse && Files.readString(summary).contains("complianceCommands=")) {
            System.out.println("reusing the synthetic trust in " + data + " (-Dbench.reload=true to build it again)");
            return;
        }
        if (reuse) {
            // built before the compliance phase existed: the loader sees the events and adds only that phase
            System.out.println("reusing the synthetic trust in " + data + "; it has no attestations yet: adding the"
                    + " compliance phase (cadences, attestations, QA findings) through the command path");
        } else {
            deleteTree(data);
            // the witness file the application keeps beside its data folder remembers the old trust's checkpoints:
            // against a new trust it reports the log tampered, and the loader would never be healthy
            Files.deleteIfExists(data.resolveSibling(data.getFileName() + "-witness.log"));
        }
        List<String> jvm = new ArrayList<>(appJvmArgs);
        jvm.add("-Daccord.bench.load=true");
        jvm.add("-Daccord.startup-catch-up-timeout=6h");
        for (String p : List.of("bench.schools", "bench.teams", "bench.standards", "bench.variations",
                "bench.events", "bench.events-per-deliberation", "bench.load-threads")) {
            if (System.getProperty(p) != null) {
                jvm.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        if (!reuse) {
            System.out.println("building the synthetic trust through the command path: " + size + " (log: "
                    + work.resolve("load.log") + ")");
        }
        try (AppProcess loader = AppProcess.start(appJar, data, accounts, jvm, benchJar.toAbsolutePath().toString(),
                work.resolve(reuse ? "load-compliance.log" : "load.log"))) {
            double seconds = loader.awaitHealthy(Duration.ofHours(6));
            System.out.printf(Locale.ROOT, "built and projected in %.0f s%n", seconds);
        }
    }

    // ---------------------------------------------------------------- castVote and projection lag

    private void castVote(AppProcess app, Path eventsDb, Path readModelsDb) throws Exception {
        GraphQlEndpoint graphql = new GraphQlEndpoint(app.httpPort);
        // warm-up: the same load, not measured. The vote's path crosses some twenty layers of framework that the
        // start never ran; in the first minute of the load the JIT compilers took 28% of the CPU and a vote cost twice
        // what it costs after (docs/benchmarks.md, run 21), and after a minute on 2 cores they still took a fifth of
        // it (run 26). So the load goes on, in rounds of WARM_UP_ROUND, until the compilers are all but idle
        // (compiling under COMPILING_IDLE of the round's time), for at least -Dbench.vote-warmup-seconds and at most
        // -Dbench.vote-warmup-max-seconds: the figures are of the server warmed, as it runs for days, and the
        // warm-up's own rate and length are reported beside them
        long[] warmVotes = {0};
        WarmUp warm = warmUp(app, Integer.MAX_VALUE, voteWarmUpSeconds, voteWarmUpMaxSeconds, () -> warmVotes[0] +=
                voteLoad(graphql, WARM_UP_ROUND, new Latencies(), new Latencies()));
        double warmSeconds = warm.seconds();
        double warmRate = warmVotes[0] / warmSeconds;
        double compiling = warm.compiledSeconds();
        System.out.printf(Locale.ROOT, "castVote warm-up: %,d in %.0f s (%.1f votes/s), the JIT compiling %.1f%% of"
                + " its last round%n", warmVotes[0], warmSeconds, warmRate, warm.compilingShare() * 100);
        Latencies votes = new Latencies();
        Latencies lag = new Latencies();
        long began = System.nanoTime();
        long done = voteLoad(graphql, voteSeconds, votes, lag);
        double seconds = (System.nanoTime() - began) / 1e9;
        double compiledWhileMeasured = app.compilingSeconds() - compiling;
        double throughput = done / seconds;
        System.out.printf(Locale.ROOT, "castVote: %,d in %.1f s by %d clients%n", done, seconds, clients);

        RawWrites raw = rawWrites(eventsDb, readModelsDb, done);
        report.row("castVote over HTTP, " + clients + " clients: p50", "ms", votes.percentileMillis(50),
                raw.latency.percentileMillis(50), "JDBC insert + JDBC upsert", "within 3x", null);
        report.row("castVote over HTTP, " + clients + " clients: p99", "ms", votes.percentileMillis(99),
                raw.latency.percentileMillis(99), "JDBC insert + JDBC upsert", "within 3x", null);
        report.inverseRow("castVote throughput", "votes/s", throughput, raw.throughput,
                "JDBC insert + JDBC upsert", "within 3x");
        report.row("projection lag under the castVote load: p50", "ms", lag.percentileMillis(50),
                raw.find.percentileMillis(50), "JDBC read of the document", "p99 < 100 ms", null);
        report.row("projection lag under the castVote load: p99", "ms", lag.percentileMillis(99),
                raw.find.percentileMillis(99), "JDBC read of the document", "p99 < 100 ms",
                lag.percentileMillis(99) < 100);
        report.note(String.format(Locale.ROOT, "castVote: %,d votes in %.0f s, %,d lag samples, the JIT compiling"
                + " %.1f%% of that time; before them %.0f s of warm-up (until the JIT compiled under %.0f%% of a %d s"
                + " round, at least %d s and at most %d s: -Dbench.vote-warmup-seconds, -max-seconds), %,d votes at"
                + " %.1f votes/s", done, seconds, lag.count(), compiledWhileMeasured / seconds * 100, warmSeconds,
                COMPILING_IDLE * 100, WARM_UP_ROUND, voteWarmUpSeconds, voteWarmUpMaxSeconds, warmVotes[0], warmRate));
    }

    /**
     * castVote as Accord's pages send it (board/js/proposal-actions.js): one document, the vote in its variables. Until
     * session 37 the benchmark wrote each vote's values into a new document; a client generated from the schema, like
     * the pages, sends the same text each time, which Accord keeps parsed (graphql/ParsedDocuments).
     */
    private static final String CAST_VOTE = "mutation Vote($input: CastVoteInput!) { castVote(input: $input)"
            + " { proposal { id status } } }";
    /** The read that waits for a vote to show: the proposal's votes, by id in the variables. */
    private static final String PROPOSAL_VOTES = "query Votes($id: ID!) { proposal(id: $id) { votes { rationale } } }";

    /**
     * Each client votes on its team's live proposals, changing its vote each time (a new event every time), with a
     * rationale that names the vote; every fourth vote it then reads the proposal until its vote shows.
     */
    private long voteLoad(GraphQlEndpoint graphql, int seconds, Latencies votes, Latencies lag)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                String account = clientAccount(client);
                String auth = "Basic " + Base64.getEncoder().encodeToString((account + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
                int team = client % SyntheticTrust.LIVE_TEAMS;
                long n = 0;
                while (System.nanoTime() < end) {
                    String proposal = SyntheticTrust.liveProposalId(team,
                            ThreadLocalRandom.current().nextInt(SyntheticTrust.LIVE_PER_TEAM));
                    String rationale = "bench " + account + " " + UUID.randomUUID();
                    String choice = (n % 2 == 0) ? "APPROVE" : "ABSTAIN";
                    String vote = "{\"input\": {\"proposalId\": \"" + proposal + "\", \"choice\": \"" + choice
                            + "\", \"rationale\": \"" + rationale + "\"}}";
                    long t0 = System.nanoTime();
                    String body = post(graphql, auth, CAST_VOTE, vote);
                    long t1 = System.nanoTime();
                    if (!body.contains("\"VOTING\"")) {
                        throw new IllegalStateException("castVote failed: " + body);
                    }
                    votes.add(t1 - t0);
                    done.incrementAndGet();
                    if (n++ % 4 == 0) {
                        String id = "{\"id\": \"" + proposal + "\"}";
                        while (!post(graphql, auth, PROPOSAL_VOTES, id).contains(rationale)) {
                            if (System.nanoTime() - t1 > Duration.ofSeconds(30).toNanos()) {
                                throw new IllegalStateException("vote not visible after 30 s");
                            }
                        }
                        lag.add(System.nanoTime() - t1);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return done.get();
    }

    private static String post(GraphQlEndpoint graphql, String auth, String document) throws IOException {
        return graphql.post(auth, "{\"query\":\"" + document + "\"}");
    }

    /** A document (no quotes in it) with its variables (a JSON object), as Accord's pages send theirs. */
    private static String post(GraphQlEndpoint graphql, String auth, String document, String variables)
            throws IOException {
        return graphql.post(auth, "{\"query\":\"" + document + "\",\"variables\":" + variables + "}");
    }

    /** As {@link #post}, failing on an answer with errors (a problem must not pass for a fast answer). */
    private static String postOk(GraphQlEndpoint graphql, String auth, String document) throws IOException {
        String body = post(graphql, auth, document);
        if (body.contains("\"errors\"")) {
            throw new IllegalStateException("the query failed: " + body.substring(0, Math.min(2000, body.length())));
        }
        return body;
    }

    private record RawWrites(Latencies latency, double throughput, Latencies find) {
    }

    /**
     * The same writes straight to the same stores, from the same number of threads: one insert of a vote's event row
     * (a real one's payload and metadata) into a scratch copy of the event table in events.db, taking one writer at a
     * time as the application does, then one upsert of a proposal document into readmodels.db's proposals table (the
     * table castVote's projection writes), as the SQLite read-model store writes it: the whole document as JSON,
     * {@code INSERT ... ON CONFLICT (id) DO UPDATE}, one writer at a time. The documents are copies of the live
     * proposals under scratch ids ({@value #RAW_ID_PREFIX}...), each vote set as the standing vote and added to the
     * history as the projection does, so they are of the same size and grow the same way; they are deleted
     * afterwards. Every fourth vote then reads its document back by id (the baseline of the projection lag).
     */
    private RawWrites rawWrites(Path eventsDb, Path readModelsDb, long count) throws Exception {
        Latencies latency = new Latencies();
        Latencies find = new Latencies();
        ReentrantLock eventWriter = new ReentrantLock(true);
        ReentrantLock readModelWriter = new ReentrantLock(true);
        String readModelsUrl = "jdbc:sqlite:" + readModelsDb + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000";
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + eventsDb
                     + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000");
             Connection readModels = DriverManager.getConnection(readModelsUrl)) {
            Map<String, Document> documents = new HashMap<>();
            try (PreparedStatement select = readModels.prepareStatement("SELECT doc FROM " + PROPOSALS
                    + " WHERE id = ?")) {
                for (int t = 0; t < SyntheticTrust.LIVE_TEAMS; t++) {
                    for (int k = 0; k < SyntheticTrust.LIVE_PER_TEAM; k++) {
                        String id = SyntheticTrust.liveProposalId(t, k);
                        select.setString(1, id);
                        try (ResultSet rs = select.executeQuery()) {
                            Document d = rs.next() ? RawRows.document(readModels, PROPOSALS, rs.getBytes(1))
                                    : new Document();
                            d.put("_id", RAW_ID_PREFIX + id);
                            documents.put(id, d);
                        }
                    }
                }
            }
            deleteRawProposals(readModels);
            String ddl;
            byte[] payload;
            byte[] metadata;
            try (Statement s = sqlite.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'DomainEventEntry'")) {
                    rs.next();
                    ddl = rs.getString(1).replace("DomainEventEntry", "bench_raw_events");
                }
                s.execute("DROP TABLE IF EXISTS bench_raw_events");
                s.execute(ddl);
                try (ResultSet rs = s.executeQuery("SELECT payload, metaData FROM DomainEventEntry WHERE payloadType"
                        + " LIKE '%VoteCastEvent' ORDER BY globalIndex DESC LIMIT 1")) {
                    rs.next();
                    payload = rs.getBytes(1);
                    metadata = rs.getBytes(2);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicLong sequence = new AtomicLong();
            long began = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    String voter = clientAccount(client);
                    int team = client % SyntheticTrust.LIVE_TEAMS;
                    // each client reads on a connection of its own, as the application's pool lets its queries do
                    try (Connection reader = DriverManager.getConnection(readModelsUrl);
                         PreparedStatement read = reader.prepareStatement("SELECT doc FROM " + PROPOSALS
                                 + " WHERE id = ?")) {
                        while (true) {
                            long n = sequence.incrementAndGet();
                            if (n > count) {
                                return null;
                            }
                            String proposal = SyntheticTrust.liveProposalId(team,
                                    ThreadLocalRandom.current().nextInt(SyntheticTrust.LIVE_PER_TEAM));
                            long t0 = System.nanoTime();
                            eventWriter.lock();
                            try (PreparedStatement insert = sqlite.prepareStatement("INSERT INTO bench_raw_events"
                                    + " (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,"
                                    + " payload, payloadRevision, payloadType, timeStamp)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                                insert.setString(1, proposal);
                                insert.setLong(2, n);
                                insert.setString(3, "Proposal");
                                insert.setString(4, UUID.randomUUID().toString());
                                insert.setBytes(5, metadata);
                                insert.setBytes(6, payload);
                                insert.setString(7, null);
                                insert.setString(8, "org.accord.api.proposal.VoteCastEvent");
                                insert.setString(9, Instant.now().toString());
                                insert.executeUpdate();
                            } finally {
                                eventWriter.unlock();
                            }
                            Document vote = new Document("eventId", UUID.randomUUID().toString())
                                    .append("voterId", voter).append("choice", "APPROVE").append("rationale", "raw " + n)
                                    .append("castAt", Instant.now().toString());
                            Document document = documents.get(proposal);
                            String id;
                            String json;
                            synchronized (document) {
                                Document votes = document.get("votes", Document.class);
                                if (votes == null) {
                                    votes = new Document();
                                    document.put("votes", votes);
                                }
                                votes.put(voter, vote);
                                List<Object> history = document.getList("voteHistory", Object.class);
                                history = history == null ? new ArrayList<>() : new ArrayList<>(history);
                                history.add(vote);
                                document.put("voteHistory", history);
                                id = document.getString("_id");
                                Document stored = new Document(document);
                                stored.remove("_id");
                                json = DocumentJson.of(stored);
                            }
                            readModelWriter.lock();
                            // as the store writes a proposal: its JSON compressed, its lookups' fields as columns
                            try (PreparedStatement upsert = readModels.prepareStatement("INSERT INTO " + PROPOSALS
                                    + " (id, doc, trustId, teamId, status, position) VALUES (?, ?, ?, ?, ?, ?)"
                                    + " ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, trustId = excluded.trustId,"
                                    + " teamId = excluded.teamId, status = excluded.status,"
                                    + " position = excluded.position")) {
                                upsert.setString(1, id);
                                upsert.setBytes(2, CompressedRows.compress(RawRows.vocabulary(readModels, PROPOSALS),
                                        json));
                                upsert.setObject(3, document.get("trustId"));
                                upsert.setObject(4, document.get("teamId"));
                                upsert.setObject(5, document.get("status"));
                                upsert.setObject(6, document.get("position"));
                                upsert.executeUpdate();
                            } finally {
                                readModelWriter.unlock();
                            }
                            long t1 = System.nanoTime();
                            latency.add(t1 - t0);
                            if (n % 4 == 0) {
                                read.setString(1, id);
                                try (ResultSet rs = read.executeQuery()) {
                                    rs.next();
                                    RawRows.document(reader, PROPOSALS, rs.getBytes(1));
                                }
                                find.add(System.nanoTime() - t1);
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            pool.shutdown();
            deleteRawProposals(readModels);
            try (Statement s = sqlite.createStatement()) {
                s.execute("DROP TABLE bench_raw_events");
            }
            return new RawWrites(latency, count / seconds, find);
        }
    }

    private static void deleteRawProposals(Connection readModels) throws Exception {
        try (PreparedStatement delete = readModels.prepareStatement("DELETE FROM " + PROPOSALS + " WHERE id LIKE ?")) {
            delete.setString(1, RAW_ID_PREFIX + "%");
            delete.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- rulesInForce

    private void rulesInForce(AppProcess app, Path readModelsDb, Instant knownAtMid) throws Exception {
        GraphQlEndpoint graphql = new GraphQlEndpoint(app.httpPort);
        String account = clientAccount(0);
        String auth = "Basic " + Base64.getEncoder().encodeToString((account + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        int schools = SyntheticTrust.Size.fromSystemProperties().schools();
        String fields = "{ standard { id title } version { number effectiveFrom } alignment status"
                + " variation { id kind status version } }";
        LocalDate pastDate = LocalDate.of(2025, 6, 1);
        // warm-up: rounds of the same queries, unmeasured, until the JIT is all but idle (as castVote's: run 21), at
        // most RULES_WARM_UP_MAX_ROUNDS. Until session 41 this was 20 queries, after which the first measured ones
        // were still three or four times the p50 (the code the castVote load had compiled for is not this query's),
        // which made them the p99 of 300
        int[] warmQueries = {0};
        WarmUp warm = warmUp(app, RULES_WARM_UP_MAX_ROUNDS, () -> {
            for (int i = 0; i < RULES_WARM_UP_ROUND; i++, warmQueries[0]++) {
                rulesInForce(graphql, auth, SyntheticTrust.school(warmQueries[0] % schools), fields, pastDate,
                        knownAtMid, null, null);
            }
        });
        Latencies today = new Latencies();
        Latencies past = new Latencies();
        int rules = 0;
        for (int i = 0; i < rulesQueries; i++) {
            rules = Math.max(rules, rulesInForce(graphql, auth, SyntheticTrust.school(i % schools), fields,
                    pastDate, knownAtMid, today, past));
        }
        Latencies raw = new Latencies();
        try (Connection readModels = DriverManager.getConnection("jdbc:sqlite:" + readModelsDb
                + "?journal_mode=WAL&busy_timeout=10000")) {
            // as many unmeasured reads first as the application was asked
            for (int i = 0; i < warmQueries[0] + rulesQueries; i++) {
                long t0 = System.nanoTime();
                rawRulesDocuments(readModels, SyntheticTrust.school(i % schools));
                if (i >= warmQueries[0]) {
                    raw.add(System.nanoTime() - t0);
                }
            }
        }
        System.out.printf(Locale.ROOT, "rulesInForce: %d queries of each kind warmed up (the JIT compiling %.1f%% of"
                + " the last round); slowest: today %s; in the past %s; raw %s%n", warmQueries[0],
                warm.compilingShare() * 100, today.slowest(5), past.slowest(5), raw.slowest(5));
        String baseline = "JDBC reads of the same rows";
        report.row("rulesInForce, asOf today: p50", "ms", today.percentileMillis(50), raw.percentileMillis(50),
                baseline, "within 2x", null);
        report.row("rulesInForce, asOf today: p99", "ms", today.percentileMillis(99), raw.percentileMillis(99),
                baseline, "within 2x", null);
        report.row("rulesInForce, asOf 2025-06-01 knownAt mid-load: p50", "ms", past.percentileMillis(50),
                raw.percentileMillis(50), baseline, "within 2x", null);
        report.row("rulesInForce, asOf 2025-06-01 knownAt mid-load: p99", "ms", past.percentileMillis(99),
                raw.percentileMillis(99), baseline, "within 2x", null);
        report.note(String.format(Locale.ROOT, "rulesInForce: %d queries of each kind, one client, schools in turn;"
                + " up to %d rules per answer today; knownAt %s; before them %d of each unmeasured (until the JIT"
                + " compiled under %.0f%% of a round of %d, at most %d rounds), and as many raw reads", rulesQueries,
                rules, knownAtMid, warmQueries[0], COMPILING_IDLE * 100, RULES_WARM_UP_ROUND,
                RULES_WARM_UP_MAX_ROUNDS));
    }

    /** A round of unmeasured queries. */
    private interface Round {
        void run() throws Exception;
    }

    /**
     * How a warm-up ended: how many rounds it took and how long, the JIT's share of the last round, and the
     * application's compiling time so far (what the measured part's own compiling is counted from).
     */
    private record WarmUp(int rounds, double seconds, double compilingShare, double compiledSeconds) {
    }

    /** As {@link #warmUp(AppProcess, int, double, double, Round)}, for a number of rounds and no time limits. */
    private static WarmUp warmUp(AppProcess app, int maxRounds, Round round) throws Exception {
        return warmUp(app, maxRounds, 0, Double.POSITIVE_INFINITY, round);
    }

    /**
     * Runs the round until the application's JIT compiles for less than {@link #COMPILING_IDLE} of a round's time, for
     * at least minSeconds, and at most maxRounds and maxSeconds: what follows is then measured on code compiled for
     * it, not on what the start or an earlier load left compiled.
     */
    private static WarmUp warmUp(AppProcess app, int maxRounds, double minSeconds, double maxSeconds, Round round)
            throws Exception {
        long start = System.nanoTime();
        double compiling = app.compilingSeconds();
        double compilingShare = 1;
        double seconds = 0;
        int rounds = 0;
        while (rounds < maxRounds && seconds < maxSeconds
                && (seconds < minSeconds || compilingShare >= COMPILING_IDLE)) {
            long roundStart = System.nanoTime();
            round.run();
            double compiled = app.compilingSeconds();
            compilingShare = (compiled - compiling) / ((System.nanoTime() - roundStart) / 1e9);
            compiling = compiled;
            seconds = (System.nanoTime() - start) / 1e9;
            rounds++;
        }
        return new WarmUp(rounds, seconds, compilingShare, compiling);
    }

    /**
     * One school's rules in force today, then as of a past date as known at a past moment; each latency added where a
     * Latencies is given.
     *
     * @return how many rules today's answer held
     */
    private static int rulesInForce(GraphQlEndpoint graphql, String auth, String school, String fields,
                                    LocalDate pastDate, Instant knownAt, Latencies today, Latencies past)
            throws IOException {
        long t0 = System.nanoTime();
        String body = post(graphql, auth, "{ rulesInForce(schoolId: \\\"" + school + "\\\") " + fields + " }");
        long t1 = System.nanoTime();
        post(graphql, auth, "{ rulesInForce(schoolId: \\\"" + school + "\\\", asOf: \\\"" + pastDate
                + "\\\", knownAt: \\\"" + knownAt + "\\\") " + fields + " }");
        long t2 = System.nanoTime();
        if (body.contains("\"errors\"")) {
            throw new IllegalStateException("rulesInForce failed: " + body);
        }
        if (today != null) {
            today.add(t1 - t0);
            past.add(t2 - t1);
        }
        return body.split("\"alignment\"", -1).length - 1;
    }

    /**
     * What the query handler reads, by the same keys, from the same readmodels.db tables: the school, its variations
     * (by the school's lookup, a range of its index), its trust, the standards; each row's JSON parsed into a document
     * (as a driver's find decodes one), which also gives the keys of the next reads.
     */
    private static void rawRulesDocuments(Connection readModels, String schoolId) throws Exception {
        Document school = rawFind(readModels, "schools", schoolId);
        try (PreparedStatement select = readModels.prepareStatement("SELECT doc FROM variations"
                + " WHERE schoolId = ? AND position > ? ORDER BY position")) {
            select.setString(1, schoolId);
            select.setLong(2, Long.MIN_VALUE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    RawRows.document(readModels, "variations", rs.getBytes(1));
                }
            }
        }
        Document trust = rawFind(readModels, "trusts", school.getString("trustId"));
        rawFindAll(readModels, "standards", trust.getList("standardIds", String.class));
    }

    private static Document rawFind(Connection readModels, String table, String id) throws Exception {
        try (PreparedStatement select = readModels.prepareStatement("SELECT doc FROM " + table + " WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? RawRows.document(readModels, table, rs.getBytes(1)) : null;
            }
        }
    }

    /** By id, in chunks of 500 ids, as the SQLite read-model store's findByIds does. */
    private static List<Document> rawFindAll(Connection readModels, String table, List<String> ids) throws Exception {
        List<Document> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement select = readModels.prepareStatement("SELECT id, doc FROM " + table
                    + " WHERE id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                        found.add(RawRows.document(readModels, table, rs.getBytes(2)));
                    }
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------- the compliance view

    /** What the board's compliance page asks of each cell (static/board/js/compliance.js, ENTRY). */
    private static final String COMPLIANCE_ENTRY = "school { id } standard { id title } version cadence state"
            + " periodStart dueBy attestation { id statement evidence attestedAt attestedBy { id displayName"
            + " nameErased } latestFinding { outcome notes actions followUpBy visitedOn } }";
    private static final String SUMMARY_FIELDS = "{ attested due overdue challenged exceptionInForce notRequired"
            + " notApplicable }";

    private static String summaryQuery(String trust, String when) {
        return "{ complianceSummary(" + trust + when + ") " + SUMMARY_FIELDS + " }";
    }

    private static String schoolQuery(String trust, String school, String when) {
        return "{ compliance(" + trust + ", schoolId: \\\"" + school + "\\\"" + when + ") { " + COMPLIANCE_ENTRY
                + " } }";
    }

    private static String entriesQuery(String trust, String when, int pageSize, String after) {
        return "{ complianceEntries(" + trust + when + ", first: " + pageSize
                + (after == null ? "" : ", after: \\\"" + after + "\\\"") + ") { edges { cursor node { "
                + COMPLIANCE_ENTRY + " } } pageInfo { hasNextPage endCursor } } }";
    }

    /** The cursor of the next page of a complianceEntries answer, or null after the last. */
    private static String nextCursor(String body) {
        return body.contains("\"hasNextPage\":true")
                ? body.replaceAll(".*\"endCursor\":\"([^\"]*)\".*", "$1") : null;
    }

    /** What the board's page asks for: the grid (a state and an attestation id per cell) and its counts. */
    private static String gridQuery(String trust, String when) {
        return "{ complianceGrid(" + trust + when + ") { columns { standardId title version cadence periodStart dueBy }"
                + " rows { school { id } states attestationIds } summary " + SUMMARY_FIELDS + " } }";
    }

    /**
     * Issue 20's benchmark: the compliance view of the trust (50 schools, 500 standards: 25,000 cells), as a GraphQL
     * client and the board's page ask for it, today and as of a past date as known at a past moment (90 days back,
     * known when half the standards' attestations were recorded), against raw JDBC reads of the rows each answer
     * is computed from. Queries of each kind alternate today / past, schools in turn.
     */
    private void compliance(AppProcess app, Path readModelsDb, Instant knownAtMid) throws Exception {
        GraphQlEndpoint graphql = new GraphQlEndpoint(app.httpPort);
        String auth = "Basic " + Base64.getEncoder().encodeToString((clientAccount(0) + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        int schools = SyntheticTrust.Size.fromSystemProperties().schools();
        int queries = Integer.getInteger("bench.compliance-queries", 100);
        int wholeQueries = Integer.getInteger("bench.compliance-trust-queries", 5);
        int pageSize = 500;
        String trust = "trustId: \\\"" + SyntheticTrust.TRUST + "\\\"";
        String past = ", asOf: \\\"" + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(90) + "\\\", knownAt: \\\""
                + knownAtMid + "\\\"";
        String[] when = {"", past};
        String[] whenName = {"today", "asOf 90 days ago knownAt mid-attestations"};

        String loadBefore = loadAverage();
        // the baseline first: raw reads of the same rows, on the same file
        Latencies rawTrust = new Latencies();
        Latencies rawSchool = new Latencies();
        try (Connection readModels = DriverManager.getConnection("jdbc:sqlite:" + readModelsDb
                + "?journal_mode=WAL&busy_timeout=10000")) {
            for (int i = 0; i < queries + 10; i++) {
                long t0 = System.nanoTime();
                rawComplianceDocuments(readModels, null);
                long t1 = System.nanoTime();
                rawComplianceDocuments(readModels, SyntheticTrust.school(i % schools));
                long t2 = System.nanoTime();
                if (i >= 10) {
                    rawTrust.add(t1 - t0);
                    rawSchool.add(t2 - t1);
                }
            }
        }
        System.out.printf(Locale.ROOT, "compliance baseline: the trust's rows p50 %.1f ms p99 %.1f ms, a school's"
                        + " rows p50 %.1f ms p99 %.1f ms (load %s)%n", rawTrust.percentileMillis(50),
                rawTrust.percentileMillis(99), rawSchool.percentileMillis(50), rawSchool.percentileMillis(99),
                loadAverage());
        // what the answers hold: the mix of states, and that one school's view and the pages are whole
        String summary = postOk(graphql, auth, summaryQuery(trust, when[0]));
        String pastSummary = postOk(graphql, auth, summaryQuery(trust, when[1]));
        report.note("compliance: the trust's summary today " + counts(summary) + "; as of 90 days ago, known at "
                + knownAtMid + ": " + counts(pastSummary));
        if (!summary.contains("\"attested\"") || summary.contains("\"attested\":0,")) {
            throw new IllegalStateException("the synthetic trust has no attestations: " + summary);
        }

        // warm-up: rounds of every kind of query below, unmeasured, until the JIT is all but idle (as rulesInForce's)
        WarmUp warm = warmUp(app, COMPLIANCE_WARM_UP_MAX_ROUNDS, () -> {
            for (String w : when) {
                for (int i = 0; i < COMPLIANCE_WARM_UP_SCHOOLS; i++) {
                    postOk(graphql, auth, summaryQuery(trust, w));
                    postOk(graphql, auth, schoolQuery(trust, SyntheticTrust.school(i % schools), w));
                }
                String after = null;
                do {
                    String body = postOk(graphql, auth, entriesQuery(trust, w, pageSize, after));
                    after = nextCursor(body);
                } while (after != null);
                postOk(graphql, auth, gridQuery(trust, w));
            }
        });
        System.out.printf(Locale.ROOT, "compliance: warmed up in %d rounds (the JIT compiling %.1f%% of the last)%n",
                warm.rounds(), warm.compilingShare() * 100);
        Latencies[] summaryMs = {new Latencies(), new Latencies()};
        Latencies[] schoolMs = {new Latencies(), new Latencies()};
        Latencies[] pageMs = {new Latencies(), new Latencies()};
        Latencies[] wholeMs = {new Latencies(), new Latencies()};
        int schoolCells = 0;
        for (int i = 0; i < queries + 10; i++) {
            String school = SyntheticTrust.school(i % schools);
            for (int w = 0; w < 2; w++) {
                long t0 = System.nanoTime();
                postOk(graphql, auth, summaryQuery(trust, when[w]));
                long t1 = System.nanoTime();
                String one = postOk(graphql, auth, schoolQuery(trust, school, when[w]));
                long t2 = System.nanoTime();
                if (i >= 10) { // the first 10 warm up
                    summaryMs[w].add(t1 - t0);
                    schoolMs[w].add(t2 - t1);
                }
                if (w == 0) {
                    schoolCells = Math.max(schoolCells, one.split("\"cadence\"", -1).length - 1);
                }
            }
        }
        System.out.printf(Locale.ROOT, "complianceSummary p50 %.1f / %.1f ms, one school p50 %.1f / %.1f ms (today /"
                        + " past; load %s)%n", summaryMs[0].percentileMillis(50), summaryMs[1].percentileMillis(50),
                schoolMs[0].percentileMillis(50), schoolMs[1].percentileMillis(50), loadAverage());
        // every page of the trust, as a client pages through it: today, then in the past
        int pages = 0;
        int cells = 0;
        for (int round = 0; round < 2; round++) {
            for (int w = 0; w < 2; w++) {
                String after = null;
                do {
                    long t0 = System.nanoTime();
                    String body = postOk(graphql, auth, entriesQuery(trust, when[w], pageSize, after));
                    long t1 = System.nanoTime();
                    if (round == 1) { // the first round warms up
                        pageMs[w].add(t1 - t0);
                    }
                    if (round == 1 && w == 0) {
                        pages++;
                        cells += body.split("\"cadence\"", -1).length - 1;
                    }
                    after = nextCursor(body);
                } while (after != null);
            }
        }
        System.out.printf(Locale.ROOT, "complianceEntries: %d pages, p50 %.1f / %.1f ms (today / past; load %s)%n",
                pages, pageMs[0].percentileMillis(50), pageMs[1].percentileMillis(50), loadAverage());
        // the board's page: the whole view and the counts in one request
        for (int i = 0; i < wholeQueries + 2; i++) {
            for (int w = 0; w < 2; w++) {
                long t0 = System.nanoTime();
                postOk(graphql, auth, gridQuery(trust, when[w]));
                long t1 = System.nanoTime();
                if (i >= 2) {
                    wholeMs[w].add(t1 - t0);
                }
            }
        }

        System.out.printf(Locale.ROOT, "the board's whole-trust request p50 %.1f / %.1f ms (today / past; load %s)%n",
                wholeMs[0].percentileMillis(50), wholeMs[1].percentileMillis(50), loadAverage());
        String trustBaseline = "JDBC reads of the trust's rows";
        String schoolBaseline = "JDBC reads of the school's rows";
        for (int w = 0; w < 2; w++) {
            for (int p : new int[] {50, 99}) {
                report.row("complianceSummary, trust, " + whenName[w] + ": p" + p, "ms",
                        summaryMs[w].percentileMillis(p), rawTrust.percentileMillis(p), trustBaseline, "within 2x",
                        null);
            }
        }
        for (int w = 0; w < 2; w++) {
            for (int p : new int[] {50, 99}) {
                report.row("compliance, one school (" + schoolCells + " cells), " + whenName[w] + ": p" + p, "ms",
                        schoolMs[w].percentileMillis(p), rawSchool.percentileMillis(p), schoolBaseline, "within 2x",
                        null);
            }
        }
        for (int w = 0; w < 2; w++) {
            for (int p : new int[] {50, 99}) {
                report.row("complianceEntries, a page of " + pageSize + " of the trust, " + whenName[w] + ": p" + p,
                        "ms", pageMs[w].percentileMillis(p), rawSchool.percentileMillis(p), schoolBaseline,
                        "within 2x", null);
            }
        }
        for (int w = 0; w < 2; w++) {
            for (int p : new int[] {50, 99}) {
                report.row("the board's page request: complianceGrid, whole trust, with its counts, "
                                + whenName[w] + ": p" + p, "ms", wholeMs[w].percentileMillis(p),
                        rawTrust.percentileMillis(p), trustBaseline, "within 2x", null);
            }
        }
        report.note(String.format(Locale.ROOT, "compliance: %d queries of each kind (summary, one school) today and"
                        + " in the past, schools in turn; %d pages of %d (%,d cells) walked per round, two rounds,"
                        + " the second timed; the board's whole-trust request %d times each; knownAt %s; before"
                        + " them %d unmeasured rounds of every kind (%d schools, every page, the whole trust, today and"
                        + " in the past) until the JIT compiled under %.0f%% of a round (at most %d)",
                queries, pages, pageSize, cells, wholeQueries, knownAtMid, warm.rounds(), COMPLIANCE_WARM_UP_SCHOOLS,
                COMPILING_IDLE * 100, COMPLIANCE_WARM_UP_MAX_ROUNDS)
                + "; load average (1, 5, 15 min) before " + loadBefore + ", after " + loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static boolean tableExists(Connection readModels, String table) throws Exception {
        try (PreparedStatement select = readModels.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                + " AND name = ?")) {
            select.setString(1, table);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The counts of a complianceSummary answer, as its JSON object. */
    private static String counts(String answer) {
        int from = answer.indexOf("{\"attested\"");
        int to = answer.indexOf('}', Math.max(0, from));
        return from < 0 || to < 0 ? answer : answer.substring(from, to + 1);
    }

    /**
     * What the compliance query reads, by the same keys, from the same readmodels.db tables: the trust, its schools
     * (or the one school), its standards, its clusters, and the variations and attestations of the trust (or of the
     * one school: a range of the lookup by trust and school); each row's JSON parsed.
     */
    private static void rawComplianceDocuments(Connection readModels, String schoolId) throws Exception {
        Document trust = rawFind(readModels, "trusts", SyntheticTrust.TRUST);
        List<String> schoolIds = schoolId == null ? trust.getList("schoolIds", String.class) : List.of(schoolId);
        rawFindAll(readModels, "schools", schoolIds);
        rawFindAll(readModels, "standards", trust.getList("standardIds", String.class));
        if (tableExists(readModels, "trust_clusters")) { // created with the first cluster; the store reads none
            rawFind(readModels, "trust_clusters", SyntheticTrust.TRUST);
        }
        for (String table : List.of("variations", "attestations")) {
            try (PreparedStatement select = readModels.prepareStatement("SELECT doc FROM " + table
                    + " WHERE trustId = ?" + (schoolId == null ? "" : " AND schoolId = ?")
                    + " AND position > ? ORDER BY position")) {
                int k = 1;
                select.setString(k++, SyntheticTrust.TRUST);
                if (schoolId != null) {
                    select.setString(k++, schoolId);
                }
                select.setLong(k, Long.MIN_VALUE);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        RawRows.document(readModels, table, rs.getBytes(1));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- replay

    /**
     * A raw sequential read of every event row (every column, in global-index order), then the application started on
     * the same events with its read models and tokens removed: every projection replays the whole store before the
     * application reports itself healthy, so the replay takes that start-up less a start-up with the read models.
     */
    private void replay(Path data, Path eventsDb, long events, double normalStart) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + eventsDb);
             Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT globalIndex, aggregateIdentifier, sequenceNumber, type,"
                    + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp"
                    + " FROM DomainEventEntry ORDER BY globalIndex")) {
                while (rs.next()) {
                    rs.getLong(1);
                    rs.getString(2);
                    rs.getLong(3);
                    rs.getString(4);
                    rs.getString(5);
                    bytes += rs.getBytes(6).length + rs.getBytes(7).length;
                    rs.getString(8);
                    rs.getString(9);
                    rs.getString(10);
                    rows++;
                }
            }
        }
        double rawRate = rows / ((System.nanoTime() - t0) / 1e9);
        // the read models and the processors' tokens (one file, with its WAL and shared-memory files) go aside
        List<Path> kept = new ArrayList<>();
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path file = data.resolve(READ_MODELS + suffix);
            if (Files.exists(file)) {
                Path aside = data.resolve(READ_MODELS + suffix + ".kept");
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                kept.add(aside);
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("no " + READ_MODELS + " in " + data + " to rebuild");
        }
        double rebuild;
        try (AppProcess app = AppProcess.start(appJar, data, accounts, withJfr("replay"), null,
                work.resolve("replay.log"))) {
            rebuild = app.awaitHealthy(Duration.ofHours(6));
        }
        for (Path aside : kept) {
            Files.delete(aside); // the rebuilt read models stay
        }
        double replaySeconds = Math.max(0.001, rebuild - normalStart);
        double rate = events / replaySeconds;
        report.inverseRow("full replay of all read models", "events/s", rate, rawRate,
                "sequential JDBC read of the rows", ">= 1/2 raw, >= 20,000/s");
        report.note(String.format(Locale.ROOT, "replay: healthy after %.1f s with the read models removed, %.1f s"
                        + " with them: %.1f s for %,d events; the raw read: %,d rows, %,d payload and metadata bytes",
                rebuild, normalStart, replaySeconds, events, rows, bytes));
        report.goal("replay at least 20,000 events/s", rate >= 20_000);
        report.goal("replay at least half the raw rate", rate >= rawRate / 2);
    }

    private static long countEvents(Path eventsDb) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + eventsDb);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
