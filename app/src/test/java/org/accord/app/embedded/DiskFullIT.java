package org.accord.app.embedded;

import static org.accord.app.embedded.MutationWorkload.copyEventStore;
import static org.accord.app.embedded.MutationWorkload.differences;
import static org.accord.app.embedded.MutationWorkload.idIn;
import static org.accord.app.embedded.MutationWorkload.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.accord.app.embedded.MutationWorkload.Acknowledgement;
import org.accord.app.embedded.MutationWorkload.Mutation;
import org.accord.app.embedded.MutationWorkload.Verification;
import org.accord.app.support.GraphQlClient;
import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite's full-disk test. The packaged jar runs on a data folder on a small disk of its own (a 64 MB
 * tmpfs, mounted for the test: it needs root on Linux and is skipped elsewhere, saying why). Clients send mutations;
 * after the first ones are acknowledged the disk is filled to the last byte while they go on, and then freed.
 * <p>
 * Then: while the disk is full every mutation is either acknowledged or refused as UNAVAILABLE with words that name
 * the problem (never INTERNAL_ERROR, never a dropped connection), and health says DOWN; once space returns health
 * says UP again by itself, with no restart, and the refused mutations, sent again with the same clientMutationId,
 * are recorded. Every acknowledged mutation is in its read model and the decision log exactly once, the hash chain
 * is intact, and the read models equal a fresh rebuild from the event store.
 * <p>
 * A read-only data folder is not staged: Linux refuses to make a file system read-only while a process has files on
 * it open for writing (EBUSY), and Accord always has. SQLite's words for it (SQLITE_READONLY) are classified as well
 * ({@code StorageFailuresAsUnavailableTest}).
 */
class DiskFullIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final int BEFORE = 60;
    private static final int WHILE_FULL = 60;
    private static final int AFTER = 60;
    private static final int CLIENTS = 8;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    private Path disk;
    private boolean mounted;
    private Process app;

    @BeforeEach
    void mountASmallDiskOfItsOwn() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "tmpfs needs Linux");
        disk = Files.createDirectories(work.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        mounted = mount.waitFor() == 0;
        assumeTrue(mounted, "a disk of its own needs `mount -t tmpfs` (root on Linux); here it said: " + said);
    }

    @AfterEach
    void stopAndUnmount() throws Exception {
        if (app != null) {
            app.destroyForcibly().waitFor();
        }
        PackagedJar.keepLogs(work, Path.of("target", "reliability-disk-full-logs"));
        if (mounted) {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void whileTheDiskIsFullMutationsAreRefusedClearlyAndOnceSpaceReturnsNothingAcknowledgedIsMissing()
            throws Exception {
        long started = System.nanoTime();
        int total = BEFORE + WHILE_FULL + AFTER;
        List<Mutation> workload = MutationWorkload.mutations(total);
        Path store = disk.resolve("data");
        int port = PackagedJar.freePort();
        GraphQlClient graphql = new GraphQlClient(port);
        app = start(store, port, "on-small-disk");

        AtomicInteger phase = new AtomicInteger(1); // 1 before the disk fills, 2 while it is full, 3 after
        ConcurrentLinkedQueue<Mutation> pending = new ConcurrentLinkedQueue<>(workload.subList(0, BEFORE));
        ConcurrentLinkedQueue<Mutation> held = new ConcurrentLinkedQueue<>();
        Map<String, Acknowledgement> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> refused = new ConcurrentHashMap<>();
        Set<String> unavailableMessages = ConcurrentHashMap.newKeySet();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger acknowledgedWhileFull = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            senders.submit(() -> {
                while (!stop.get()) {
                    Mutation m = pending.poll();
                    if (m == null) {
                        pause(20);
                        continue;
                    }
                    requests.incrementAndGet();
                    int during = phase.get();
                    try {
                        GraphQlClient.Answer answer = graphql.post(m.account(), m.document(),
                                Map.of("input", m.input()));
                        if (answer.status() == 200 && !answer.hasErrors()) {
                            if (acknowledged.putIfAbsent(m.key(), new Acknowledgement(during, idIn(answer, m))) == null
                                    && during == 2) {
                                acknowledgedWhileFull.incrementAndGet();
                            }
                        } else if (answer.classifications().equals(List.of("UNAVAILABLE"))) {
                            unavailable.incrementAndGet();
                            answer.json().path("errors").forEach(e -> unavailableMessages.add(
                                    e.path("message").asString()));
                            held.add(m); // sent again once the disk has space
                        } else if (answer.classifications().contains("CONFLICT")) {
                            pending.add(m); // a concurrent change: nothing recorded, sent again
                        } else {
                            refused.put(m.key(), "phase " + during + ": " + answer.status() + " " + answer.body());
                        }
                    } catch (IOException e) {
                        refused.put(m.key(), "phase " + during + ": no answer: " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        refused.put(m.key(), "phase " + during + ": " + e);
                    }
                }
            });
        }
        senders.shutdown();

        assertThat(await(Duration.ofMinutes(2), () -> acknowledged.size() >= BEFORE || !refused.isEmpty()))
                .as("the first %d mutations acknowledged; refused: %s", BEFORE, refused).isTrue();

        // fill the disk to the last byte, as another program would, while the clients go on
        phase.set(2);
        long filled = fill(disk);
        List<String> healthWhileFull = new CopyOnWriteArrayList<>();
        pending.addAll(workload.subList(BEFORE, BEFORE + WHILE_FULL));
        long fullSince = System.nanoTime();
        List<String> queriesWhileFull = new ArrayList<>();
        while (System.nanoTime() - fullSince < Duration.ofSeconds(60).toNanos()) {
            healthWhileFull.add(health(port));
            if (queriesWhileFull.size() < 20) {
                GraphQlClient.Answer read = graphql.post("board", "{ proposal(id: \"" + MutationWorkload.OPEN_PROPOSAL
                        + "\") { id status } }", null);
                queriesWhileFull.add(read.hasErrors() ? String.join(",", read.classifications()) : "data");
            }
            if (pending.isEmpty() && healthWhileFull.contains("DOWN") && unavailable.get() >= 10
                    && System.nanoTime() - fullSince > Duration.ofSeconds(3).toNanos()) {
                break;
            }
            pause(100);
        }
        pause(200); // the last answers of the clients
        int refusedWhileFull = unavailable.get();

        // space returns: nothing restarts the application
        phase.set(3);
        Files.delete(disk.resolve("filler-large"));
        Files.delete(disk.resolve("filler-small"));
        long freedAt = System.nanoTime();
        assertThat(await(Duration.ofMinutes(2), () -> health(port).equals("UP")))
                .as("healthy again once space returned").isTrue();
        double recoverySeconds = (System.nanoTime() - freedAt) / 1e9;
        Mutation m;
        while ((m = held.poll()) != null) {
            pending.add(m);
        }
        pending.addAll(workload.subList(BEFORE + WHILE_FULL, total));
        assertThat(await(Duration.ofMinutes(3), () -> (acknowledged.size() == total && pending.isEmpty()
                && held.isEmpty()) || !refused.isEmpty())).as("all %d mutations acknowledged in the end", total)
                .isTrue();
        stop.set(true);
        assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        assertThat(refused).as("answers other than success, UNAVAILABLE or CONFLICT").isEmpty();
        Verification found = verify(graphql, acknowledged, total);
        String chain = chain(graphql);
        Map<String, List<String>> before = ReadModelDump.ofDataFolder(store);
        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("a clean stop").isTrue();
        Path rebuilt = work.resolve("rebuilt");
        copyEventStore(store, rebuilt);
        app = start(rebuilt, port, "rebuild");
        Map<String, List<String>> after = ReadModelDump.ofDataFolder(rebuilt);
        List<String> differences = differences(before, after);
        List<String> skipped = PackagedJar.linesInLogs(work, "failed to handle event", "Continuing processing");
        List<String> internal = PackagedJar.linesInLogs(work, "unexpected failure in");
        // a projection whose batch the full disk refused rolls it back, documents and token together, and retries it
        List<String> projectionRetries = PackagedJar.linesInLogs(work, "Starting retry mode");

        System.out.printf("reliability disk-full test: a 64 MB disk filled with %d bytes after %d acknowledged"
                        + " mutations, %d clients; while full: %d answers UNAVAILABLE, %d mutations acknowledged"
                        + " anyway, health %s, queries answered %s; projection batches refused and retried %d"
                        + " time(s); health UP %.1f s after space returned, with no restart; %d of %d mutations acknowledged in the end, %d requests; found in their read models"
                        + " %d, missing from the decision log %d, recorded twice %d; hash chain %s; read models equal a"
                        + " fresh rebuild: %s (%d documents); messages: %s; %.0f s in all%n",
                filled, BEFORE, CLIENTS, refusedWhileFull, acknowledgedWhileFull.get(), summary(healthWhileFull),
                summary(queriesWhileFull), projectionRetries.size(), recoverySeconds, acknowledged.size(), total, requests.get(), found.found,
                found.missingFromLog.size(), found.duplicates, chain, differences.isEmpty() ? "yes" : "NO",
                before.values().stream().mapToInt(List::size).sum(), unavailableMessages,
                (System.nanoTime() - started) / 1e9);

        assertThat(refused).as("answers other than success, UNAVAILABLE or CONFLICT").isEmpty();
        assertThat(refusedWhileFull).as("mutations refused while the disk was full").isPositive();
        assertThat(unavailableMessages).as("what a refused client was told").isNotEmpty()
                .allSatisfy(message -> assertThat(message).containsAnyOf("the disk is full",
                        "read models are not available").contains("same clientMutationId"));
        assertThat(healthWhileFull).as("health while the disk was full").contains("DOWN");
        assertThat(queriesWhileFull).as("queries while the disk was full").isNotEmpty()
                .allSatisfy(answer -> assertThat(answer).isIn("data", "UNAVAILABLE"));
        assertThat(internal).as("failures logged as Accord's own").isEmpty();
        assertThat(skipped).as("events a projection failed on and skipped").isEmpty();
        assertThat(found.missing).as("acknowledged mutations missing from their read models").isEmpty();
        assertThat(found.missingFromLog).as("acknowledged mutations missing from the decision log").isEmpty();
        assertThat(found.duplicates).as("mutations recorded more than once").isZero();
        assertThat(found.found).isEqualTo(total);
        assertThat(chain).as("the decision log's hash chain").startsWith("intact");
        assertThat(differences).as("read models after the full disk against a fresh rebuild").isEmpty();
    }

    /** "intact, 512 events" or the first problem the verification found. */
    private static String chain(GraphQlClient graphql) throws IOException, InterruptedException {
        GraphQlClient.Answer answer = graphql.post("board", "{ verifyDecisionLog(trustId: \""
                + MutationWorkload.TRUST + "\") { intact checkedEvents firstProblem { position detail } } }", null);
        var verification = answer.data().path("verifyDecisionLog");
        if (answer.hasErrors() || verification.isMissingNode() || verification.isNull()) {
            return "not verified: " + answer.body();
        }
        return verification.path("intact").asBoolean() ? "intact, " + verification.path("checkedEvents").asInt()
                + " events" : "broken: " + verification.path("firstProblem");
    }

    /** Writes zeros until the disk refuses: large blocks, then small ones for the last bytes. */
    private static long fill(Path disk) throws IOException {
        long written = 0;
        for (var file : List.of(Map.entry("filler-large", 1 << 20), Map.entry("filler-small", 512))) {
            byte[] block = new byte[file.getValue()];
            try (OutputStream out = Files.newOutputStream(disk.resolve(file.getKey()))) {
                while (true) {
                    out.write(block);
                    out.flush();
                    written += block.length;
                }
            } catch (IOException full) {
                assertThat(full.getMessage()).as("why the disk refused").contains("No space left");
            }
        }
        assertThat(Files.getFileStore(disk).getUsableSpace()).as("free bytes left").isLessThan(4096);
        return written;
    }

    private static String health(int port) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return GraphQlClient.JSON.readTree(response.body()).path("status").asString("HTTP "
                    + response.statusCode());
        } catch (IOException e) {
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** "DOWN ×31, UP ×2" */
    private static String summary(List<String> seen) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        seen.forEach(s -> counts.merge(s, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(s + " ×" + n));
        return String.join(", ", parts);
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(50);
        }
        return true;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process start(Path store, int port, String name) throws IOException,
            InterruptedException {
        // the log goes to the ordinary disk: the small one is about to be full
        return PackagedJar.startHealthy(PackagedJar.currentJava(),
                List.of("-Xmx512m", "-Ddisable-axoniq-console-message=true", PackagedJar.NO_DUES),
                Map.of("ACCORD_DATA_DIR", store.toString()), port,
                work.resolve("app-" + name + ".log"), START_TIMEOUT);
    }
}
