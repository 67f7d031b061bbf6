package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.accord.app.support.GraphQlClient;
import org.accord.app.support.Http;
import org.accord.app.support.PackagedJar;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The reliability suite's crash test. The packaged jar runs as a process of its own; {@code reliability.clients}
 * clients (32) send {@code reliability.mutations} mutations (300 in {@code mvn verify}, 1,000 at the full
 * size: schools registered, proposals drafted, votes cast, each with its own clientMutationId) while the process is
 * killed with SIGKILL at a random moment, {@code reliability.kills} times (3; 5 at full size), and restarted on the
 * same data folder. A mutation whose answer was lost in a
 * kill is sent again after the restart with the same clientMutationId, as a careful client would.
 * <p>
 * Then: every mutation acknowledged before a kill is in the decision log and in its read model, every mutation is
 * recorded exactly once (retries included), and the read models equal a fresh rebuild: a second instance started on
 * a copy of the event store alone projects from nothing, and every MongoDB collection of both is compared document
 * by document.
 */
class KillDuringConcurrentMutationsIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String TRUST = "demo-trust";
    private static final String TEAM = "demo-team-english";
    private static final String OPEN_PROPOSAL = "demo-proposal-library-lesson";
    private static final List<String> VOTERS = List.of("chair", "member1", "member2", "member3");
    private static final List<String> CHOICES = List.of("APPROVE", "OBJECT", "ABSTAIN");

    private final int total = Integer.getInteger("reliability.mutations", 300);
    private final int clients = Integer.getInteger("reliability.clients", 32);
    private final int kills = Integer.getInteger("reliability.kills", 3);
    private final long seed = Long.getLong("reliability.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @TempDir
    Path work;

    private Process app;

    /** One mutation the clients send; its key is its clientMutationId and the unique text it records. */
    private record Mutation(int n, String account, String document, Map<String, Object> input) {

        String key() {
            return "reliability-" + n;
        }

        String kind() {
            return document.substring(document.indexOf('{') + 1, document.indexOf('(', document.indexOf('{')))
                    .trim();
        }
    }

    /** What came back for a mutation the first time it was acknowledged. */
    private record Acknowledgement(int round, String id) {
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.destroyForcibly();
        }
        // the processes' logs outlive the temporary folder, for whoever reads a failure
        Path logs = Path.of("target", "reliability-kill-logs");
        Files.createDirectories(logs);
        try (Stream<Path> files = Files.list(work)) {
            for (Path log : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".log"))::iterator) {
                Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Lines where a projection's handler failed: Axon logs such an event and skips it, a silent loss. */
    private List<String> skippedEvents() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(work)) {
            for (Path log : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".log"))::iterator) {
                try (Stream<String> content = Files.lines(log)) {
                    content.filter(l -> l.contains("failed to handle event") || l.contains("Continuing processing"))
                            .forEach(l -> lines.add(log.getFileName() + ": " + l));
                }
            }
        }
        return lines;
    }

    @Test
    void everyAcknowledgedMutationSurvivesRandomKillsAndTheReadModelsEqualAFreshRebuild() throws Exception {
        long started = System.nanoTime();
        Path store = work.resolve("store");
        int port = PackagedJar.freePort();
        int mongoPort = PackagedJar.freePort();
        GraphQlClient graphql = new GraphQlClient(port);

        ConcurrentLinkedQueue<Mutation> pending = new ConcurrentLinkedQueue<>(mutations());
        Map<String, Acknowledgement> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> refused = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger lostAnswers = new AtomicInteger();
        AtomicInteger refusedConnections = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        int rounds = 0;
        int killed = 0;
        List<String> perRound = new ArrayList<>();

        boolean restart = true;
        while (!pending.isEmpty() || killed < kills) {
            boolean kill = killed < kills;
            if (restart) {
                rounds++;
                app = start(store, port, mongoPort, "round-" + rounds);
            }
            restart = true;
            int ackedBefore = acknowledged.size();
            ConcurrentLinkedQueue<Mutation> retry = new ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicBoolean killing = new java.util.concurrent.atomic.AtomicBoolean();
            ExecutorService senders = Executors.newFixedThreadPool(clients);
            int round = rounds;
            for (int c = 0; c < clients; c++) {
                senders.submit(() -> {
                    Mutation m;
                    while (!killing.get() && (m = pending.poll()) != null) {
                        requests.incrementAndGet();
                        try {
                            GraphQlClient.Answer answer = graphql.post(m.account(), m.document(),
                                    Map.of("input", m.input()));
                            if (answer.status() == 200 && !answer.hasErrors()) {
                                acknowledged.putIfAbsent(m.key(), new Acknowledgement(round, idIn(answer, m)));
                            } else if (answer.classifications().contains("CONFLICT")) {
                                conflicts.incrementAndGet();
                                retry.add(m); // nothing was recorded: the same key is sent again
                            } else {
                                refused.put(m.key(), answer.status() + " " + answer.body());
                            }
                        } catch (java.net.ConnectException e) {
                            refusedConnections.incrementAndGet(); // never delivered: sent again after the restart
                            retry.add(m);
                        } catch (IOException e) {
                            // the process died under the request: the answer is lost, the client retries
                            lostAnswers.incrementAndGet();
                            retry.add(m);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException e) {
                            refused.put(m.key(), e.toString());
                        }
                    }
                });
            }
            senders.shutdown();
            String killedWhen = "not killed";
            if (kill) {
                // a random moment in the stream of mutations, whatever the machine's speed: after a random number
                // of acknowledgements in this round, then a random fraction of a second more
                int killAt = ackedBefore + 1 + random.nextInt(Math.max(1, 2 * total / (kills + 1)));
                int extraMillis = random.nextInt(250);
                while (acknowledged.size() < killAt && !senders.isTerminated()) {
                    Thread.sleep(5);
                }
                Thread.sleep(extraMillis);
                killing.set(true); // the clients stop taking new mutations; those in flight lose their answers
                killedWhen = "killed after " + (acknowledged.size() - ackedBefore) + " acknowledgements (a random"
                        + " target of " + (killAt - ackedBefore) + ", then " + extraMillis + " ms more)";
                app.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
                killed++;
            }
            assertThat(senders.awaitTermination(10, TimeUnit.MINUTES)).as("the clients finished").isTrue();
            pending.addAll(retry);
            if (!kill && !pending.isEmpty()) {
                // answers lost without a kill (a client's timeout on a loaded machine): sent again, same process
                perRound.add(String.format("round %d: %d answers lost without a kill, sent again", round,
                        retry.size()));
                restart = false;
                continue;
            }
            perRound.add(String.format("round %d: %s, %d acknowledged, %d to resend", round, killedWhen,
                    acknowledged.size() - ackedBefore, retry.size()));
            if (kill && pending.isEmpty() && killed >= kills) {
                app = start(store, port, mongoPort, "final"); // the last kill came after the last mutation
            }
        }
        assertThat(refused).as("mutations refused with an error other than CONFLICT").isEmpty();
        assertThat(acknowledged).hasSize(total);

        // every mutation, acknowledged before a kill or after its retry, is recorded once, where it should be
        Verification found = verify(graphql, acknowledged);
        long killedRounds = acknowledged.values().stream().filter(a -> a.round() <= kills).count();

        // a fresh rebuild: only the event store (and the signing key) copied into a new data folder
        Map<String, List<String>> before = dumpReadModels(mongoPort);
        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("a clean stop").isTrue();
        Path rebuilt = work.resolve("rebuilt");
        copyEventStore(store, rebuilt);
        long rebuildStarted = System.nanoTime();
        app = start(rebuilt, port, mongoPort, "rebuild");
        double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
        Map<String, List<String>> after = dumpReadModels(mongoPort);
        List<String> differences = differences(before, after);
        List<String> skipped = skippedEvents();

        perRound.forEach(line -> System.out.println("reliability kill test: " + line));
        System.out.printf("reliability kill test: seed %d; %d mutations (%d schools, %d proposals, %d votes) from"
                        + " %d clients,"
                        + " %d requests, %d kills; %d acknowledged in rounds that were killed, %d answers lost in"
                        + " kills (and %d connections refused) and resent with the same clientMutationId, %d CONFLICT"
                        + " answers resent;"
                        + " after the last restart %d of %d acknowledged mutations found in their read models (%d"
                        + " missing from the decision log), %d recorded more than once; read models equal a fresh rebuild: %s"
                        + " (%d collections, %d documents; rebuild to healthy %.1f s); events a projection failed"
                        + " on and skipped: %d; %.0f s in all%n",
                seed, total, found.schools, found.proposals, found.votes, clients, requests.get(), killed, killedRounds,
                lostAnswers.get(), refusedConnections.get(), conflicts.get(), found.found, acknowledged.size(), found.missingFromLog.size(), found.duplicates,
                differences.isEmpty() ? "yes" : "NO", before.size(),
                before.values().stream().mapToInt(List::size).sum(), rebuildSeconds, skipped.size(),
                (System.nanoTime() - started) / 1e9);

        if (!found.missingFromLog.isEmpty() || !differences.isEmpty()) {
            // the read models lost what the events still hold (docs/decisions.md, "Found: after kills, read models
            // could lose changes for good"): printed in full, and it fails the build unless run with
            // -Dreliability.strict-log=false (for looking into it)
            System.out.printf("reliability kill test: LOST: %d acknowledged mutation(s) missing from the"
                    + " decision log: %s; differences from a fresh rebuild: %s%n", found.missingFromLog.size(),
                    found.missingFromLog, differences);
        }
        assertThat(skipped).as("events a projection failed on and skipped").isEmpty();
        assertThat(found.missing).as("acknowledged mutations missing from their read models after the kills")
                .isEmpty();
        assertThat(found.duplicates).as("mutations recorded more than once").isZero();
        assertThat(found.found).isEqualTo(total);
        assertThat(before).as("read-model collections").isNotEmpty();
        if (Boolean.parseBoolean(System.getProperty("reliability.strict-log", "true"))) {
            assertThat(found.missingFromLog).as("acknowledged mutations missing from the decision log").isEmpty();
            assertThat(differences).as("read models of the killed instance against a fresh rebuild").isEmpty();
        }
    }

    private List<Mutation> mutations() {
        List<Mutation> all = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("clientMutationId", "reliability-" + n);
            switch (n % 3) {
                case 0 -> {
                    input.put("trustId", TRUST);
                    input.put("name", "Reliability School " + n);
                    input.put("phase", "PRIMARY");
                    all.add(new Mutation(n, "exec", "mutation ($input: RegisterSchoolInput!) {"
                            + " registerSchool(input: $input) { clientMutationId school { id name } } }", input));
                }
                case 1 -> {
                    input.put("teamId", TEAM);
                    input.put("kind", "NEW_STANDARD");
                    input.put("title", "Reliability proposal " + n);
                    input.put("area", "CURRICULUM");
                    input.put("alignment", "GUIDANCE");
                    input.put("statement", "Statement of proposal " + n);
                    all.add(new Mutation(n, VOTERS.get(n % VOTERS.size()), "mutation ($input: DraftProposalInput!)"
                            + " { draftProposal(input: $input) { clientMutationId proposal { id title } } }", input));
                }
                default -> {
                    input.put("proposalId", OPEN_PROPOSAL);
                    input.put("choice", CHOICES.get(n % CHOICES.size()));
                    input.put("rationale", "Reliability vote " + n);
                    all.add(new Mutation(n, VOTERS.get(n % VOTERS.size()), "mutation ($input: CastVoteInput!) {"
                            + " castVote(input: $input) { clientMutationId proposal { id status } } }", input));
                }
            }
        }
        return all;
    }

    private static String idIn(GraphQlClient.Answer answer, Mutation m) {
        JsonNode payload = answer.data().path(m.kind());
        JsonNode subject = payload.has("school") ? payload.path("school") : payload.path("proposal");
        return subject.path("id").asString();
    }

    private static final class Verification {
        int schools;
        int proposals;
        int votes;
        int found;
        int duplicates;
        final List<String> missing = new ArrayList<>();
        final List<String> missingFromLog = new ArrayList<>();
    }

    /** Looks every mutation up in its read model and in the decision log. */
    private Verification verify(GraphQlClient graphql, Map<String, Acknowledgement> acknowledged) throws Exception {
        Map<String, List<String>> schoolsByName = new HashMap<>();
        for (JsonNode school : graphql.post("board", "{ trust(id: \"" + TRUST + "\") { schools { id name } } }",
                null).data().path("trust").path("schools")) {
            schoolsByName.computeIfAbsent(school.path("name").asString(), k -> new ArrayList<>())
                    .add(school.path("id").asString());
        }
        Map<String, List<String>> proposalsByTitle = new HashMap<>();
        String after = null;
        do {
            JsonNode page = graphql.post("board", "query ($after: String) { proposals(trustId: \"" + TRUST
                    + "\", teamId: \"" + TEAM + "\", first: 100, after: $after) { edges { node { id title } }"
                    + " pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after))
                    .data().path("proposals");
            page.path("edges").forEach(e -> proposalsByTitle.computeIfAbsent(e.path("node").path("title").asString(),
                    k -> new ArrayList<>()).add(e.path("node").path("id").asString()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
                    .asString() : null;
        } while (after != null);
        Map<String, Integer> votesByRationale = new HashMap<>();
        graphql.post("board", "{ proposal(id: \"" + OPEN_PROPOSAL + "\") { voteHistory { rationale } } }", null)
                .data().path("proposal").path("voteHistory")
                .forEach(v -> votesByRationale.merge(v.path("rationale").asString(""), 1, Integer::sum));
        Map<String, Integer> logSubjects = new HashMap<>();
        Map<String, Integer> logRationales = new HashMap<>();
        List<Long> positions = new ArrayList<>();
        after = null;
        do {
            JsonNode page = graphql.post("board", "query ($after: String) { decisionLog(trustId: \"" + TRUST
                    + "\", first: 100, after: $after) { edges { node { position type subjectId rationale } }"
                    + " pageInfo { hasNextPage endCursor } } }", after == null ? Map.of() : Map.of("after", after))
                    .data().path("decisionLog");
            page.path("edges").forEach(e -> {
                JsonNode record = e.path("node");
                positions.add(record.path("position").asLong());
                logSubjects.merge(record.path("type").asString() + " " + record.path("subjectId").asString(""), 1,
                        Integer::sum);
                logRationales.merge(record.path("type").asString() + " " + record.path("rationale").asString(""),
                        1, Integer::sum);
            });
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor")
                    .asString() : null;
        } while (after != null);

        Verification v = new Verification();
        // the log's positions run 1, 2, 3… without a gap or a repeat
        long distinct = positions.stream().distinct().count();
        long highest = positions.stream().mapToLong(Long::longValue).max().orElse(0);
        if (distinct != positions.size() || highest != positions.size()) {
            v.missing.add("decision log positions: " + positions.size() + " records, " + distinct
                    + " distinct positions, the highest " + highest);
        }
        for (Mutation m : mutations()) {
            Acknowledgement ack = acknowledged.get(m.key());
            int inReadModel;
            int inLog;
            switch (m.kind()) {
                case "registerSchool" -> {
                    v.schools++;
                    List<String> ids = schoolsByName.getOrDefault(m.input().get("name"), List.of());
                    inReadModel = ids.contains(ack.id()) ? ids.size() : 0;
                    inLog = logSubjects.getOrDefault("SchoolRegistered " + ack.id(), 0);
                }
                case "draftProposal" -> {
                    v.proposals++;
                    List<String> ids = proposalsByTitle.getOrDefault(m.input().get("title"), List.of());
                    inReadModel = ids.contains(ack.id()) ? ids.size() : 0;
                    inLog = logSubjects.getOrDefault("ProposalDrafted " + ack.id(), 0);
                }
                default -> {
                    v.votes++;
                    inReadModel = votesByRationale.getOrDefault(m.input().get("rationale"), 0);
                    inLog = logRationales.getOrDefault("VoteCast " + m.input().get("rationale"), 0);
                }
            }
            if (inReadModel > 0 && inLog == 0) {
                v.missingFromLog.add(m.key() + " (" + m.kind() + ", acknowledged in round " + ack.round() + "):"
                        + " in its read model, not in the decision log; looked up directly: " + lookUp(graphql,
                        ack.id()));
            } else if (inReadModel == 0) {
                v.missing.add(m.key() + " (" + m.kind() + ", acknowledged in round " + ack.round() + " as '"
                        + ack.id() + "'): read model " + inReadModel + ", decision log " + inLog + "; looked up"
                        + " directly: " + lookUp(graphql, ack.id()));
            }
            if (inReadModel > 0) {
                v.found++;
            }
            if (inReadModel > 1 || inLog > 1) {
                v.duplicates++;
            }
        }
        return v;
    }

    private static String lookUp(GraphQlClient graphql, String id) {
        try {
            return graphql.post("board", "query ($id: ID!) { school(id: $id) { id name } proposal(id: $id) { id title }"
                    + " decisionLog(trustId: \"" + TRUST + "\", filter: {subjectId: $id}, first: 100) { edges { node {"
                    + " position type } } } }", Map.of("id", id)).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Every document of every collection but the processors' tokens, as canonical JSON sorted by _id. */
    private static Map<String, List<String>> dumpReadModels(int mongoPort) {
        Map<String, List<String>> dump = new TreeMap<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
            MongoDatabase db = client.getDatabase("accord");
            for (String name : db.listCollectionNames()) {
                if (name.toLowerCase().contains("token")) {
                    continue; // positions of the processors, not read models
                }
                List<String> documents = new ArrayList<>();
                for (Document d : db.getCollection(name).find()) {
                    documents.add(((Document) canonical(d)).toJson());
                }
                documents.sort(null);
                dump.put(name, documents);
            }
        }
        return dump;
    }

    /** The same document with its fields in name order, at every depth: field order is not content. */
    private static Object canonical(Object value) {
        if (value instanceof Document document) {
            Document sorted = new Document();
            new TreeMap<>(document).forEach((k, v) -> sorted.append(k, canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(KillDuringConcurrentMutationsIT::canonical).toList();
        }
        return value;
    }

    private static List<String> differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> differences = new ArrayList<>();
        if (!before.keySet().equals(after.keySet())) {
            differences.add("collections " + before.keySet() + " against " + after.keySet());
        }
        before.forEach((name, documents) -> {
            List<String> other = after.getOrDefault(name, List.of());
            if (!documents.equals(other)) {
                List<String> onlyBefore = new ArrayList<>(documents);
                onlyBefore.removeAll(other);
                List<String> onlyAfter = new ArrayList<>(other);
                onlyAfter.removeAll(documents);
                differences.add(name + ": " + documents.size() + " against " + other.size() + " documents; first"
                        + " only in the killed instance: " + onlyBefore.stream().findFirst().orElse("-")
                        + "; first only in the rebuild: " + onlyAfter.stream().findFirst().orElse("-"));
            }
        });
        return differences;
    }

    /** The event store after a clean stop (WAL checkpointed, or copied with it) and the ledger's signing key. */
    private static void copyEventStore(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String file : List.of("events.db", "events.db-wal", "events.db-shm")) {
            if (Files.exists(from.resolve(file))) {
                Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Path ledger = from.resolve("ledger");
        if (Files.isDirectory(ledger)) {
            try (Stream<Path> files = Files.walk(ledger)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(f));
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(to)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no read models copied")
                    .noneMatch(n -> n.startsWith("readmodels"));
        }
    }

    private Process start(Path store, int port, int mongoPort, String name) throws IOException,
            InterruptedException {
        assertThat(app == null || !app.isAlive()).as("the previous process has stopped").isTrue();
        assertThat(Http.healthy(port)).as("nothing answers on port %d before %s starts", port, name).isFalse();
        return PackagedJar.startHealthy(PackagedJar.currentJava(),
                List.of("-Xmx512m", "-Ddisable-axoniq-console-message=true"),
                Map.of("ACCORD_DATA_DIR", store.toString(), "ACCORD_MONGO_PORT", String.valueOf(mongoPort)), port,
                work.resolve("app-" + name + ".log"), START_TIMEOUT);
    }

}
