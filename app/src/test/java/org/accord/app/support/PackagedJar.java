package org.accord.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The packaged application ({@code target/accord.jar}) started as a process of its own, as a user starts it. */
public final class PackagedJar {

    /**
     * For an instance whose store is compared with another's (a kill, a full disk, a rebuild): Accord records nothing
     * of its own when a date comes (the attestations and reviews falling due), so both hold exactly the events the
     * test sent. Those records are the application's own writes, and a copy started to check a rebuild would add them.
     */
    public static final String NO_DUES = "-Daccord.notifications.record-dues=false";

    private PackagedJar() {
    }

    /**
     * Starts the jar and returns once {@code /actuator/health} says UP; fails with the process's output if it stops
     * or is not healthy in time.
     *
     * @param environment added to the inherited environment; a null value removes the variable
     */
    public static Process startHealthy(String java, List<String> jvmArguments, Map<String, String> environment,
                                       int port, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Process process = start(java, jvmArguments, environment, port, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Http.healthy(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the application (" + java + ") did not become healthy:\n"
                        + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return process;
    }

    /**
     * Starts the jar without waiting for anything: for a start whose readiness is itself under test.
     *
     * @param environment added to the inherited environment; a null value removes the variable
     */
    public static Process start(String java, List<String> jvmArguments, Map<String, String> environment, int port,
                                Path log) throws IOException {
        Path jar = Path.of("target", "accord.jar").toAbsolutePath();
        assertThat(jar).as("the packaged application (mvn package)").exists();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmArguments);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        return builder.start();
    }

    /** Copies the processes' logs ({@code *.log} in {@code folder}) to {@code keep}: they outlive a temporary folder. */
    public static void keepLogs(Path folder, Path keep) throws IOException {
        Files.createDirectories(keep);
        for (Path log : logsIn(folder)) {
            Files.copy(log, keep.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The lines of the processes' logs in {@code folder} that contain any of the needles, each after its file. */
    public static List<String> linesInLogs(Path folder, String... needles) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path log : logsIn(folder)) {
            try (Stream<String> content = Files.lines(log)) {
                content.filter(l -> Stream.of(needles).anyMatch(l::contains))
                        .forEach(l -> lines.add(log.getFileName() + ": " + l));
            }
        }
        return lines;
    }

    private static List<Path> logsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".log")).toList();
        }
    }

    /** The java of the JVM running the tests. */
    public static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
