package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.accord.app.support.Http;
import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar is built for Java 17 and must also run on the newer JDKs installed beside it (Temurin 25 on our machines):
 * each one found under /usr/lib/jvm starts it, waits for it to be healthy and asks who the demo executive is.
 */
class OtherJdksIT {

    @TempDir
    Path data;

    @TestFactory
    Stream<DynamicTest> theJarRunsOnEveryOtherInstalledJdk() throws IOException {
        List<Path> jdks = otherJdks();
        Assumptions.assumeFalse(jdks.isEmpty(), "no other JDK installed under /usr/lib/jvm");
        return jdks.stream().map(jdk -> DynamicTest.dynamicTest(jdk.getFileName().toString(), () -> runOn(jdk)));
    }

    private void runOn(Path jdk) throws Exception {
        int port = PackagedJar.freePort();
        Process app = PackagedJar.startHealthy(jdk.resolve("bin/java").toString(), List.of(),
                Map.of("ACCORD_DATA_DIR", data.resolve(jdk.getFileName().toString()).toString()), port,
                data.resolve(jdk.getFileName() + ".log"), Duration.ofSeconds(90));
        try {
            assertThat(Http.graphql(port, "exec", "{ me { displayName trust { name } } }"))
                    .contains("Morgan Hale").contains("Northfield Learning Trust");
            System.out.printf("jar ran on %s%n", jdk);
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    /** Installed JDKs of another feature release than the one running the build, one per release. */
    private static List<Path> otherJdks() throws IOException {
        Path root = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        java.util.Map<Integer, Path> byRelease = new java.util.TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(d -> !Files.isSymbolicLink(d) && Files.isExecutable(d.resolve("bin/java")))
                    .forEach(d -> featureRelease(d).ifPresent(r -> byRelease.putIfAbsent(r, d)));
        }
        byRelease.remove(Runtime.version().feature());
        return List.copyOf(byRelease.values());
    }

    /** The feature release a JDK's {@code release} file names, e.g. 25 for JAVA_VERSION="25.0.1". */
    private static java.util.Optional<Integer> featureRelease(Path jdk) {
        try {
            return Files.readAllLines(jdk.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", "").split("\\.")[0])
                    .map(Integer::valueOf)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
