package org.accord.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application as a process of its own, on a data folder, with free ports. */
final class AppProcess implements AutoCloseable {

    final Process process;
    final int httpPort;
    final long startedNanos;
    final Path log;

    private AppProcess(Process process, int httpPort, long startedNanos, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /**
     * @param extraJars  jars to add to the application's classpath (the benchmark's loader), or none to run the jar as
     *                   {@code java -jar} would
     */
    static AppProcess start(Path appJar, Path dataDir, String accountsJson, List<String> jvmArgs, String extraJars,
                            Path log) {
        int http = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Ddisable-axoniq-console-message=true");
        command.addAll(jvmArgs);
        if (extraJars == null) {
            // as the README starts it: the throughput collector, and the class-data archive the build made beside the
            // jar, when there is one
            command.add("-XX:+UseParallelGC");
            Path archive = appJar.resolveSibling("accord.jsa");
            if (Files.exists(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
            }
            command.add("-jar");
            command.add(appJar.toString());
        } else {
            // the extra jars bring auto-configuration of their own: the build's fixed bean definitions would miss it
            command.add("-Dspring.aot.enabled=false");
            command.add("-cp");
            command.add(appJar + java.io.File.pathSeparator + extraJars);
            command.add("org.accord.app.AccordApplication");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("ACCORD_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", Integer.toString(http));
        env.put("ACCORD_DEMO", "false");
        env.put("SPRING_APPLICATION_JSON", accountsJson);
        long started = System.nanoTime();
        try {
            return new AppProcess(builder.start(), http, started, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return seconds from the process start to {@code /actuator/health} answering UP */
    double awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped (exit " + process.exitValue() + "), see "
                        + log);
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("not healthy within " + timeout + ", see " + log);
    }

    /**
     * Waits until the log shows a line containing {@code marker}: a start's background work (the decision log's
     * start-up check hashes every event of every trust) that the figures measured after it must not share the CPU
     * with.
     *
     * @return seconds from the process start to the line, as seen by polling the log
     */
    double awaitLogLine(String marker, Duration timeout) throws IOException, InterruptedException {
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped (exit " + process.exitValue() + "), see "
                        + log);
            }
            if (Files.exists(log) && Files.readString(log).contains(marker)) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no \"" + marker + "\" in " + log + " within " + timeout);
    }

    /** Heap in use after a full GC, from {@code jcmd GC.heap_info}, in MiB. */
    double heapAfterGcMiB() throws IOException, InterruptedException {
        run("jcmd", Long.toString(process.pid()), "GC.run");
        String info = run("jcmd", Long.toString(process.pid()), "GC.heap_info");
        // one line per generation with the parallel collector (young, old), one for the whole heap with G1: the heap is
        // their sum (metaspace's lines say "used" first and are not counted)
        Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long used = 0;
        boolean found = false;
        while (m.find()) {
            used += Long.parseLong(m.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("cannot read the heap from: " + info);
        }
        return used / 1024.0;
    }

    /**
     * Seconds the JIT's compiler threads have spent compiling since the start, from the process's HotSpot counters
     * ({@code jcmd PerfCounter.print}: {@code java.ci.totalTime} in ticks of {@code sun.os.hrt.frequency}).
     */
    double compilingSeconds() throws IOException, InterruptedException {
        String counters = run("jcmd", Long.toString(process.pid()), "PerfCounter.print");
        Matcher total = Pattern.compile("java\\.ci\\.totalTime=(\\d+)").matcher(counters);
        Matcher frequency = Pattern.compile("sun\\.os\\.hrt\\.frequency=(\\d+)").matcher(counters);
        if (!total.find() || !frequency.find()) {
            throw new IllegalStateException("cannot read the JIT's compile time from: " + counters);
        }
        return Long.parseLong(total.group(1)) / (double) Long.parseLong(frequency.group(1));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
