package org.accord.app.ledger;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent verifiers, Python scripts under {@code src/test/resources/ledger/} that share no code with Accord,
 * run as a board's own tooling would run them.
 */
public final class PythonScript {

    /** Looked for once; tests skip with the reason where it is absent (.ci/run installs it). */
    public static final boolean AVAILABLE = python3IsOnThePath();

    public static final String MISSING = "python3 is not on the PATH, so the independent verifier cannot run here";

    public record Result(int exitCode, String output) {
    }

    private PythonScript() {
    }

    /** Runs {@code /ledger/<script>} with these arguments; fails the test if it takes over two minutes. */
    public static Result run(String script, String... args) throws IOException, InterruptedException {
        Path file;
        try {
            file = Path.of(PythonScript.class.getResource("/ledger/" + script).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of("python3", file.toString()));
        command.addAll(List.of(args));
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!python.waitFor(120, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            throw new AssertionError(script + " did not finish within 120 s");
        }
        return new Result(python.exitValue(), new String(python.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private static boolean python3IsOnThePath() {
        try {
            Process version = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
