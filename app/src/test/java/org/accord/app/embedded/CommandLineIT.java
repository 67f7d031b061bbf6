package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar accord.jar} as a person types it: asking for help or the version answers and touches no data (it
 * used to start the server and make {@code ./data} with the demo in whatever folder it was typed in), a second
 * Accord on a data folder in use says so in one sentence (it used to die with a 99-line stack trace), and the
 * start-up log ends by saying where the pages are and, in the demo, which accounts to sign in with.
 */
class CommandLineIT {

    @TempDir
    Path folder;

    @Test
    void helpAndVersionPrintAndExitWithoutTouchingAnyData() throws Exception {
        for (String option : List.of("--help", "-h", "--version", "-V")) {
            Path cwd = Files.createDirectories(folder.resolve("typed-here" + option));
            Ran ran = run(cwd, option);

            assertThat(ran.exit).as(option + ":\n" + ran.output).isZero();
            assertThat(ran.output).as(option).contains(option.startsWith("-V") || option.equals("--version")
                    ? "Accord " : "Usage:");
            try (Stream<Path> created = Files.list(cwd)) {
                assertThat(created.toList()).as("what " + option + " left in the folder it was typed in").isEmpty();
            }
        }
    }

    @Test
    void aSecondAccordOnAFolderInUseExitsWithOneSentenceAndTheFirstGoesOn() throws Exception {
        Path data = folder.resolve("data");
        int port = PackagedJar.freePort();
        Process first = PackagedJar.startHealthy(PackagedJar.currentJava(), List.of(),
                Map.of("ACCORD_DATA_DIR", data.toString(), "SERVER_ADDRESS", "127.0.0.1"), port,
                folder.resolve("first.log"), Duration.ofMinutes(3));
        try {
            Path secondLog = folder.resolve("second.log");
            Process second = PackagedJar.start(PackagedJar.currentJava(), List.of(),
                    Map.of("ACCORD_DATA_DIR", data.toString(), "SERVER_ADDRESS", "127.0.0.1"),
                    PackagedJar.freePort(), secondLog);
            boolean ended = second.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                second.destroyForcibly().waitFor();
            }
            String output = Files.readString(secondLog).strip();

            assertThat(ended).as("the second ended by itself:\n" + output).isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(output.lines().toList()).as(output).hasSize(1);
            assertThat(output).contains("in use by another Accord").contains("process " + first.pid())
                    .contains(data.toString());
            assertThat(first.isAlive()).isTrue();

            // the start's last lines; after them only the decision log's background check may still report
            List<String> log = Files.readString(folder.resolve("first.log")).strip().lines().toList();
            int ready = -1;
            for (int i = 0; i < log.size(); i++) {
                if (log.get(i).contains("Accord is ready: the pages at http://localhost:" + port + "/")) {
                    ready = i;
                }
            }
            assertThat(ready).as(String.join("\n", log)).isNotNegative();
            // after them only what runs in the background or on a request: the decision log's start-up check (its
            // thread, as the log cuts the name), the look for what fell due while Accord was down (after readiness
            // since session 28) and the first request's lazy start of Spring's dispatcher servlet; those run on
            // threads of their own, so they may come between the two lines of the start (found in a CI run: the
            // health check's first request), but nothing else may come after them
            List<String> start = log.subList(ready + 1, log.size()).stream().filter(line -> !List.of("log-check",
                    "DueReminders", "DispatcherServlet", "dispatcherServlet").stream().anyMatch(line::contains))
                    .toList();
            assertThat(start).as(String.join("\n", log)).hasSize(1);
            assertThat(start.get(0)).contains("Demo accounts").contains("exec").contains("board")
                    .contains("member1").contains("head");
        } finally {
            first.destroy();
            first.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private record Ran(int exit, String output) {
    }

    private static Ran run(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PackagedJar.currentJava(), "-jar",
                Path.of("target", "accord.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().remove("ACCORD_DATA_DIR");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended by itself:\n" + output).isTrue();
        return new Ran(process.exitValue(), output);
    }
}
