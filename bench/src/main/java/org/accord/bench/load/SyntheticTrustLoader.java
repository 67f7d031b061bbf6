package org.accord.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.accord.api.shared.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Runs inside the application (the benchmark puts its jar on the application's loader path and sets
 * {@code accord.bench.load=true}): sends the synthetic trust's commands through Axon's command gateway, with the
 * actor in the metadata as the GraphQL controllers send them, from several threads, without waiting for the
 * projections per command. The application's own start-up check then waits once for the projections to catch up
 * before it reports itself healthy. Writes what it did to {@code bench-load.properties} in the data folder. On a
 * store that has events but whose summary names no compliance phase (built before it existed), it sends only that
 * phase and adds it to the summary.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "accord.bench.load", havingValue = "true")
public class SyntheticTrustLoader implements ApplicationRunner, Ordered {

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final Environment environment;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public SyntheticTrustLoader(CommandGateway gateway, EventStore eventStore, Environment environment) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return 0; // before the application's catch-up check, which is the last runner
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        Path summary = Path.of(environment.getProperty("accord.data-dir", "./data")).resolve("bench-load.properties");
        SyntheticTrust.Size size = SyntheticTrust.Size.fromSystemProperties();
        SyntheticTrust trust = new SyntheticTrust(size);
        int threads = Integer.getInteger("bench.load-threads", 4);
        if (eventStore.createHeadToken() != null) {
            Properties p = new Properties();
            if (Files.exists(summary)) {
                try (var in = Files.newBufferedReader(summary)) {
                    p.load(in);
                }
            }
            if (p.getProperty("complianceCommands") != null) {
                System.out.println("bench-load: the store has events and its compliance phase already; nothing loaded");
                return;
            }
            // a store built before the compliance phase existed: add it, and say so in the summary
            System.out.println("bench-load: the store has events but no attestations; adding the compliance phase");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                compliance(trust, size, pool, p);
            } finally {
                pool.shutdownNow();
            }
            write(summary, p);
            return;
        }
        int deliberations = trust.deliberations();
        System.out.printf("bench-load: %s, %d deliberations, %d threads%n", size, deliberations, threads);

        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Thread progress = progressReporter(start);
        try {
            trust.setUp().forEach(this::send);
            int half = size.standards() / 2;
            runAll(pool, range(0, half, trust::standardChain));
            Instant knownAtMid = Instant.now();
            Thread.sleep(20); // so that nothing after this instant shares its millisecond
            List<Supplier<List<SyntheticTrust.Step>>> rest = new ArrayList<>(range(half, size.standards(),
                    trust::standardChain));
            runAll(pool, rest);
            Instant standardsDone = Instant.now();
            List<Supplier<List<SyntheticTrust.Step>>> more = new ArrayList<>(range(0, deliberations,
                    trust::deliberation));
            for (int t = 0; t < SyntheticTrust.LIVE_TEAMS; t++) {
                for (int k = 0; k < SyntheticTrust.LIVE_PER_TEAM; k++) {
                    int team = t;
                    int live = k;
                    more.add(() -> trust.liveProposal(team, live));
                }
            }
            Collections.shuffle(more, new Random(8));
            runAll(pool, more);
            Properties p = new Properties();
            compliance(trust, size, pool, p);
            Instant end = Instant.now();
            double seconds = Duration.between(start, end).toMillis() / 1000.0;
            long head = eventStore.createHeadToken().position().orElse(-1);
            System.out.printf("bench-load: %,d commands (%,d refused) in %.1f s, %,.0f commands/s; head %,d%n",
                    sent.get(), failed.get(), seconds, sent.get() / seconds, head);
            p.setProperty("commands", Long.toString(sent.get()));
            p.setProperty("refused", Long.toString(failed.get()));
            p.setProperty("seconds", Double.toString(seconds));
            p.setProperty("head", Long.toString(head));
            p.setProperty("deliberations", Integer.toString(deliberations));
            p.setProperty("started", start.toString());
            p.setProperty("knownAtMid", knownAtMid.toString());
            p.setProperty("standardsDone", standardsDone.toString());
            p.setProperty("ended", end.toString());
            p.setProperty("size", size.toString());
            p.setProperty("threads", Integer.toString(threads));
            write(summary, p);
        } finally {
            progress.interrupt();
            pool.shutdownNow();
        }
    }

    /**
     * Cadences, then attestations and QA findings ({@link SyntheticTrust#cadenceChain}, {@link
     * SyntheticTrust#attestations}); records in {@code p} what it sent and {@code complianceMid}, an instant between
     * the attestations of the first half of the standards and the rest (the benchmark's "known at a past moment").
     */
    private void compliance(SyntheticTrust trust, SyntheticTrust.Size size, ExecutorService pool, Properties p)
            throws Exception {
        Instant start = Instant.now();
        long before = sent.get();
        long refusedBefore = failed.get();
        runAll(pool, range(0, size.standards(), trust::cadenceChain));
        int half = size.standards() / 2;
        runAll(pool, range(0, half, trust::attestations));
        Instant mid = Instant.now();
        Thread.sleep(20); // so that nothing after this instant shares its millisecond
        runAll(pool, range(half, size.standards(), trust::attestations));
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("bench-load: compliance phase: %,d commands (%,d refused) in %.1f s%n",
                sent.get() - before, failed.get() - refusedBefore, seconds);
        p.setProperty("complianceCommands", Long.toString(sent.get() - before));
        p.setProperty("complianceRefused", Long.toString(failed.get() - refusedBefore));
        p.setProperty("complianceSeconds", Double.toString(seconds));
        p.setProperty("complianceMid", mid.toString());
        p.setProperty("complianceToday", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    }

    private static void write(Path summary, Properties p) {
        try (var out = Files.newBufferedWriter(summary)) {
            p.store(out, "written by the benchmark's loader");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Supplier<List<SyntheticTrust.Step>>> range(int from, int to,
                                                                  java.util.function.IntFunction<List<SyntheticTrust.Step>> chain) {
        List<Supplier<List<SyntheticTrust.Step>>> chains = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int n = i;
            chains.add(() -> chain.apply(n));
        }
        return chains;
    }

    private void runAll(ExecutorService pool, List<Supplier<List<SyntheticTrust.Step>>> chains) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (Supplier<List<SyntheticTrust.Step>> chain : chains) {
            futures.add(pool.submit(() -> chain.get().forEach(this::send)));
        }
        for (Future<?> f : futures) {
            f.get();
        }
    }

    private void send(SyntheticTrust.Step step) {
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(step.command())
                    .andMetaData(Map.of(Actor.METADATA_KEY, step.actorId())));
        } catch (RuntimeException e) {
            if (failed.incrementAndGet() <= 20) {
                System.out.println("bench-load: refused " + step.command().getClass().getSimpleName() + " as "
                        + step.actorId() + ": " + e.getMessage());
            }
            if (failed.get() > 1000) {
                throw new IllegalStateException("more than 1,000 commands refused: the synthetic trust is wrong", e);
            }
        }
        sent.incrementAndGet();
    }

    private Thread progressReporter(Instant start) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    TimeUnit.SECONDS.sleep(15);
                    double s = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                    System.out.printf("bench-load: %,d commands after %.0f s (%,.0f/s)%n", sent.get(), s,
                            sent.get() / s);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-load-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
