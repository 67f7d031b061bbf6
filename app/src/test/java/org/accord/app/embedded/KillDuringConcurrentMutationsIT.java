package org.accord.app.embedded;

import static org.accord.app.embedded.MutationWorkload.copyEventStore;
import static org.accord.app.embedded.MutationWorkload.differences;
import static org.accord.app.embedded.MutationWorkload.idIn;
import static org.accord.app.embedded.MutationWorkload.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.app.embedded.MutationWorkload.Acknowledgement;
import org.accord.app.embedded.MutationWorkload.Mutation;
import org.accord.app.embedded.MutationWorkload.Verification;
import org.accord.app.support.GraphQlClient;
import org.accord.app.support.Http;
import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * a copy of the event store alone projects from nothing, and every read-model table of both is compared document
 * by document.
 */
class KillDuringConcurrentMutationsIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final int total = Integer.getInteger("reliability.mutations", 300);
    private final int clients = Integer.getInteger("reliability.clients", 32);
    private final int kills = Integer.getInteger("reliability.kills", 3);
    private final long seed = Long.getLong("reliability.seed", System.nanoTime());
    private final Random random = new Random(seed);

    @TempDir
    Path work;

    private Process app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.destroyForcibly();
        }
        // the processes' logs outlive the temporary folder, for whoever reads a failure
        PackagedJar.keepLogs(work, Path.of("target", "reliability-kill-logs"));
    }

    @Test
    void everyAcknowledgedMutationSurvivesRandomKillsAndTheReadModelsEqualAFreshRebuild() throws Exception {
        long started = System.nanoTime();
        Path store = work.resolve("store");
        int port = PackagedJar.freePort();
        GraphQlClient graphql = new GraphQlClient(port);

        ConcurrentLinkedQueue<Mutation> pending = new ConcurrentLinkedQueue<>(MutationWorkload.mutations(total));
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
                app = start(store, port, "round-" + rounds);
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
                app = start(store, port, "final"); // the last kill came after the last mutation
            }
        }
        assertThat(refused).as("mutations refused with an error other than CONFLICT").isEmpty();
        assertThat(acknowledged).hasSize(total);

        // every mutation, acknowledged before a kill or after its retry, is recorded once, where it should be
        Verification found = verify(graphql, acknowledged, total);
        long killedRounds = acknowledged.values().stream().filter(a -> a.round() <= kills).count();

        // a fresh rebuild: only the event store (and the signing key) copied into a new data folder
        Map<String, List<String>> before = ReadModelDump.ofDataFolder(store);
        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("a clean stop").isTrue();
        Path rebuilt = work.resolve("rebuilt");
        copyEventStore(store, rebuilt);
        long rebuildStarted = System.nanoTime();
        app = start(rebuilt, port, "rebuild");
        double rebuildSeconds = (System.nanoTime() - rebuildStarted) / 1e9;
        Map<String, List<String>> after = ReadModelDump.ofDataFolder(rebuilt);
        List<String> differences = differences(before, after);
        // where a projection's handler failed, Axon's default logs the event and skips it: a silent loss
        List<String> skipped = PackagedJar.linesInLogs(work, "failed to handle event", "Continuing processing");

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

    private Process start(Path store, int port, String name) throws IOException,
            InterruptedException {
        assertThat(app == null || !app.isAlive()).as("the previous process has stopped").isTrue();
        assertThat(Http.healthy(port)).as("nothing answers on port %d before %s starts", port, name).isFalse();
        return PackagedJar.startHealthy(PackagedJar.currentJava(),
                List.of("-Xmx512m", "-Ddisable-axoniq-console-message=true", PackagedJar.NO_DUES),
                Map.of("ACCORD_DATA_DIR", store.toString()), port,
                work.resolve("app-" + name + ".log"), START_TIMEOUT);
    }

}
