package org.accord.app.production;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Axon Server (Standard Edition), run as a process of its own on loopback from the jar that
 * {@code AXONSERVER_JAR} names. Its licence is the vendor's own, so the project never ships, downloads or commits it:
 * it is built from its public source (repository AxonIQ/axon-server-se, tag {@code axonserver-se-4.6.11}, see
 * README.md, "Production") outside the repository. Without it, the tests that need it report themselves skipped.
 * <p>
 * It can be stopped and started again on the same folder (its events stay), or frozen (SIGSTOP) and thawed, as an
 * outage or a stalled host would.
 */
public final class RealAxonServer implements AutoCloseable {

    public static final String JAR_VARIABLE = "AXONSERVER_JAR";

    private final Path jar;
    private final Path folder;
    private final int httpPort;
    private final int grpcPort;
    private Process process;

    private RealAxonServer(Path jar, Path folder, int httpPort, int grpcPort) {
        this.jar = jar;
        this.folder = folder;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
    }

    /** The jar, when {@code AXONSERVER_JAR} names one that exists; empty says why the tests skip. */
    public static Optional<Path> jar() {
        String named = System.getenv(JAR_VARIABLE);
        if (named == null || named.isBlank()) {
            return Optional.empty();
        }
        Path jar = Path.of(named);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    public static String whySkipped() {
        return JAR_VARIABLE + " does not name an Axon Server jar (build Axon Server SE 4.6.11 from its public source"
                + " outside the repository, README.md \"Production\"), so the tests against a real Axon Server are"
                + " skipped";
    }

    /** A server on free loopback ports in {@code folder}, not started yet. */
    public static RealAxonServer in(Path folder, int httpPort, int grpcPort) throws IOException {
        Files.createDirectories(folder);
        // its gRPC port binds every interface; the tests send traffic to 127.0.0.1 only
        Files.writeString(folder.resolve("axonserver.properties"), String.join("\n",
                "axoniq.axonserver.hostname=localhost",
                "axoniq.axonserver.name=accord-test",
                "server.port=" + httpPort,
                "axoniq.axonserver.port=" + grpcPort,
                "axoniq.axonserver.event.storage=" + folder.resolve("events"),
                "axoniq.axonserver.snapshot.storage=" + folder.resolve("events"),
                "axoniq.axonserver.controldb-path=" + folder.resolve("data"),
                "axoniq.axonserver.pid-file-location=" + folder.resolve("data"),
                "logging.file.name=" + folder.resolve("axonserver-internal.log"),
                ""));
        return new RealAxonServer(jar().orElseThrow(() -> new IllegalStateException(whySkipped())), folder,
                httpPort, grpcPort);
    }

    /** Its gRPC port, where clients (the app, or a test writing to it directly) connect. */
    public int grpcPort() {
        return grpcPort;
    }

    /** {@code 127.0.0.1:port}, for {@code AXON_AXONSERVER_SERVERS}. */
    public String servers() {
        return "127.0.0.1:" + grpcPort;
    }

    /** Starts it (again, on the same folder) and waits until its own health says UP. */
    public void start() throws IOException, InterruptedException {
        Path log = folder.resolve("axonserver.log");
        process = new ProcessBuilder(List.of(javaOfThisJvm(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString()))
                .directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!healthy()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Axon Server did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    /** Stops it as an outage would (SIGTERM, then SIGKILL); its events stay in its folder. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** SIGSTOP: the process and its connections stay, nothing answers. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze()}. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            try {
                thaw(); // a frozen process ignores SIGTERM until it runs again
            } catch (IOException | InterruptedException | IllegalStateException ignored) {
                // it ends below in any case
            }
            stop();
        }
    }
}
