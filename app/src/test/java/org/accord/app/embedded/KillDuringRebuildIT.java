package org.accord.app.embedded;

import static org.accord.app.embedded.MutationWorkload.copyEventStore;
import static org.accord.app.embedded.MutationWorkload.differences;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.accord.app.embedded.MutationWorkload.Mutation;
import org.accord.app.support.GraphQlClient;
import org.accord.app.support.Http;
import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A rebuild of the read models killed with SIGKILL, as an operator would see it: the packaged jar, a store of about 700
 * events (600 mutations and the demo trust), {@code POST /actuator/rebuild}, and a kill at several moments of it (at
 * once, early in the replay, in its middle, near its end; each must be reached before the rebuild is done). After each kill the read-model file's live generation is the
 * complete one from before the rebuild, document for document; after each restart the queries answer what they
 * answered before the rebuild (never a half-built answer), and the rebuild resumes and finishes; at the end the read
 * models equal a fresh rebuild from a copy of the events alone.
 */
class KillDuringRebuildIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int mutations = Integer.getInteger("reliability.rebuild-mutations", 600);

    @TempDir
    Path work;

    private Process app;
    private int round;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.destroyForcibly();
        }
        PackagedJar.keepLogs(work, Path.of("target", "reliability-rebuild-kill-logs"));
    }

    /** A moment of the rebuild to kill it at, told from its progress ({@code GET /actuator/rebuild}). */
    private record Moment(String name, Predicate<JsonNode> reached) {
    }

    @Test
    void aRebuildKilledAtAnyMomentLeavesTheCompleteOldReadModelsAndThenFinishesEqualToAFreshRebuild()
            throws Exception {
        Path store = work.resolve("store");
        int port = PackagedJar.freePort();
        app = start(store, port);
        load(port);
        Map<String, List<String>> before = ReadModelDump.ofDataFolder(store);
        String seenBefore = whatAUserSees(port);
        assertThat(before).as("read models before the rebuild").isNotEmpty();

        List<Moment> moments = List.of(
                new Moment("at once, as the rebuild is accepted", progress -> true),
                new Moment("early in the replay", progress -> replaying(progress)
                        && highest(progress) < progress.path("rebuild").path("target").asLong() / 4),
                new Moment("in the middle of the replay", progress -> replaying(progress)
                        && lowest(progress) >= progress.path("rebuild").path("target").asLong() / 3),
                new Moment("near the end of the replay", progress -> replaying(progress)
                        && highest(progress) >= progress.path("rebuild").path("target").asLong() * 9 / 10));
        List<String> report = new ArrayList<>();
        for (Moment moment : moments) {
            String killedAt = rebuildAndKill(port, moment);
            // a kill that came after the rebuild had finished would test nothing of its moment
            assertThat(killedAt).as("the kill %s", moment.name()).doesNotContain("killed in state DONE");
            Map<String, List<String>> afterKill = ReadModelDump.ofDataFolder(store);
            assertThat(differences(before, afterKill)).as("the live read models after a kill %s", killedAt)
                    .isEmpty();

            app = PackagedJar.start(PackagedJar.currentJava(), jvm(), environment(store), port,
                    work.resolve("app-" + (++round) + ".log"));
            String seenAfterRestart = firstAnswer(port);
            assertThat(seenAfterRestart).as("what queries answer right after the restart (killed %s)", killedAt)
                    .isEqualTo(seenBefore);
            awaitHealthy(port);
            String state = awaitRebuildDone(port);
            report.add(moment.name() + ": " + killedAt + "; after the restart " + state);
            assertThat(whatAUserSees(port)).isEqualTo(seenBefore);
        }

        // the last rebuild runs to its end; then a fresh rebuild from the events alone is the same
        rebuild(port);
        awaitRebuildDone(port);
        Map<String, List<String>> rebuilt = ReadModelDump.ofDataFolder(store);
        app.destroy();
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("a clean stop").isTrue();
        Path fresh = work.resolve("fresh");
        copyEventStore(store, fresh);
        app = start(fresh, port);
        Map<String, List<String>> freshModels = ReadModelDump.ofDataFolder(fresh);
        report.forEach(line -> System.out.println("rebuild kill test: " + line));
        System.out.printf("rebuild kill test: %d mutations, %d collections, %d documents; equal to a fresh rebuild:"
                + " %s%n", mutations, rebuilt.size(), rebuilt.values().stream().mapToInt(List::size).sum(),
                differences(rebuilt, freshModels).isEmpty() ? "yes" : "NO");
        assertThat(differences(before, rebuilt)).as("the rebuilt read models against the ones before").isEmpty();
        assertThat(differences(rebuilt, freshModels)).as("the rebuilt read models against a fresh rebuild")
                .isEmpty();
        assertThat(PackagedJar.linesInLogs(work, "failed to handle event", "Continuing processing")).isEmpty();
    }

    /** Starts a rebuild and kills the process once it reaches the moment (or, if it finishes first, then). */
    private String rebuildAndKill(int port, Moment moment) throws Exception {
        JsonNode progress = rebuild(port);
        while (!moment.reached().test(progress)) {
            if (progress.path("rebuild").path("state").asString().equals("DONE")) {
                break;
            }
            progress = progress(port);
        }
        app.destroyForcibly().waitFor();
        return "killed in state " + progress.path("rebuild").path("state").asString() + " at positions "
                + lowest(progress) + ".." + highest(progress) + " of " + progress.path("rebuild").path("target");
    }

    private static boolean replaying(JsonNode progress) {
        return progress.path("rebuild").path("state").asString().equals("REPLAYING");
    }

    private static long lowest(JsonNode progress) {
        long lowest = Long.MAX_VALUE;
        for (JsonNode projection : progress.path("projections")) {
            lowest = Math.min(lowest, projection.path("position").asLong(-1));
        }
        return lowest;
    }

    private static long highest(JsonNode progress) {
        long highest = -1;
        for (JsonNode projection : progress.path("projections")) {
            highest = Math.max(highest, projection.path("position").asLong(-1));
        }
        return highest;
    }

    /** The mutations of the reliability workload, from a few clients: one event each. */
    private void load(int port) throws Exception {
        GraphQlClient graphql = new GraphQlClient(port);
        ConcurrentLinkedQueue<Mutation> pending = new ConcurrentLinkedQueue<>(MutationWorkload.mutations(mutations));
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            clients.submit(() -> {
                Mutation m;
                while ((m = pending.poll()) != null) {
                    try {
                        GraphQlClient.Answer answer = graphql.post(m.account(), m.document(),
                                Map.of("input", m.input()));
                        if (answer.status() != 200 || answer.hasErrors()) {
                            refused.add(answer.body());
                        }
                    } catch (Exception e) {
                        refused.add(e.toString());
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        assertThat(refused).as("mutations refused").isEmpty();
    }

    /** Schools, proposals and the decision log as the board sees them: ids and counts, in a fixed order. */
    private static String whatAUserSees(int port) throws Exception {
        GraphQlClient graphql = new GraphQlClient(port);
        TreeSet<String> schools = new TreeSet<>();
        graphql.post("board", "{ trust(id: \"" + MutationWorkload.TRUST + "\") { schools { id } } }", null).data()
                .path("trust").path("schools").forEach(s -> schools.add(s.path("id").asString()));
        TreeSet<String> proposals = new TreeSet<>();
        pages(graphql, "proposals(trustId: \"" + MutationWorkload.TRUST + "\", teamId: \"" + MutationWorkload.TEAM
                + "\", first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } }",
                "proposals", node -> proposals.add(node.path("id").asString()));
        List<String> log = new ArrayList<>();
        pages(graphql, "decisionLog(trustId: \"" + MutationWorkload.TRUST + "\", first: 100, after: $after)"
                + " { edges { node { position } } pageInfo { hasNextPage endCursor } }", "decisionLog",
                node -> log.add(node.path("position").asString()));
        return schools.size() + " schools " + schools + "; " + proposals.size() + " proposals " + proposals + "; "
                + log.size() + " decision-log entries " + log;
    }

    private static void pages(GraphQlClient graphql, String field, String name,
                              java.util.function.Consumer<JsonNode> each) throws Exception {
        String after = null;
        do {
            GraphQlClient.Answer answer = graphql.post("board", "query ($after: String) { " + field + " }",
                    after == null ? Map.of() : Map.of("after", after));
            assertThat(answer.hasErrors()).as(answer.body()).isFalse();
            JsonNode page = answer.data().path(name);
            page.path("edges").forEach(e -> each.accept(e.path("node")));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString() : null;
        } while (after != null);
    }

    /** The first answer the restarted process gives, as soon as it answers at all (before it says it is ready). */
    private String firstAnswer(int port) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                return whatAUserSees(port);
            } catch (IOException | AssertionError notYet) {
                assertThat(app.isAlive()).as("the restarted process runs").isTrue();
                assertThat(System.nanoTime()).as("the restarted process answers in time").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Http.healthy(port)) {
            assertThat(app.isAlive()).as("the restarted process runs").isTrue();
            assertThat(System.nanoTime()).as("healthy in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String awaitRebuildDone(int port) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            JsonNode progress = progress(port);
            String state = progress.path("rebuild").path("state").asString();
            assertThat(state).as(progress.toString()).isNotEqualTo("FAILED");
            if (state.equals("DONE") || state.equals("IDLE")) {
                return "the rebuild was " + state + " (" + ReadModelDump.ofDataFolder(work.resolve("store")).size()
                        + " collections live)";
            }
            assertThat(System.nanoTime()).as("the rebuild finished in time: " + progress).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode rebuild(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(operator(port).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return GraphQlClient.JSON.readTree(response.body());
    }

    private static JsonNode progress(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(operator(port).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GraphQlClient.JSON.readTree(response.body());
    }

    private static HttpRequest.Builder operator(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/rebuild"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private Process start(Path store, int port) throws IOException, InterruptedException {
        return PackagedJar.startHealthy(PackagedJar.currentJava(), jvm(), environment(store), port,
                work.resolve("app-" + (++round) + ".log"), START_TIMEOUT);
    }

    /**
     * Batches of one event: one processor replays a few hundred events in well under a second in batches of 1,000,
     * too fast for a kill to land in the middle; one transaction per event gives each moment a window.
     */
    private static List<String> jvm() {
        return List.of("-Xmx512m", "-Ddisable-axoniq-console-message=true", "-Daccord.projections.batch-size=1",
                PackagedJar.NO_DUES);
    }

    private static Map<String, String> environment(Path store) {
        return Map.of("ACCORD_DATA_DIR", store.toString());
    }
}
