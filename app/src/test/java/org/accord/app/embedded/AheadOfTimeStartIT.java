package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.app.support.Http;
import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar starts the embedded mode from the bean definitions the build computed (Spring AOT: the start-up
 * target of issue #3 depends on it), and what those definitions cannot know, it still reads when it runs: here,
 * ACCORD_DEMO=false keeps the demo out of an empty store. With the class-data archive built beside it (the README's
 * command), its classes come from the archive.
 */
class AheadOfTimeStartIT {

    @TempDir
    Path data;

    @Test
    void thePackagedJarStartsFromTheBuildsBeanDefinitionsAndStillReadsItsSettings() throws Exception {
        int port = PackagedJar.freePort();
        Path log = data.resolve("app.log");
        Map<String, String> environment = new HashMap<>();
        environment.put("ACCORD_DATA_DIR", data.resolve("data").toString());
        environment.put("ACCORD_DEMO", "false");
        environment.put("SPRING_PROFILES_ACTIVE", null); // no profile: the embedded mode as a user starts it
        Process app = PackagedJar.startHealthy(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                List.of(), environment, port, log, Duration.ofSeconds(90));
        try {
            String output = Files.readString(log);
            assertThat(output).contains("Starting AOT-processed AccordApplication");
            assertThat(output).doesNotContain("Loaded the demo trust");
            // signed in (the accounts are configuration), but no trust was loaded for the executive
            assertThat(Http.graphql(port, "exec", "{ trust(id: \"demo-trust\") { name } }"))
                    .isEqualTo("{\"data\":{\"trust\":null}}");
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    @Test
    void thePackagedJarsClassesComeFromTheClassDataArchiveBuiltBesideIt() throws Exception {
        Path archive = Path.of("target", "accord.jsa");
        assertThat(archive).as("the class-data archive (mvn package)").exists();
        int port = PackagedJar.freePort();
        Path classes = data.resolve("classes.log");
        Map<String, String> environment = new HashMap<>();
        environment.put("ACCORD_DATA_DIR", data.resolve("data").toString());
        environment.put("SPRING_PROFILES_ACTIVE", null);
        // -Xshare:on: the JVM refuses to start at all if the archive does not fit this jar and this JVM
        Process app = PackagedJar.startHealthy(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                List.of("-Xshare:on", "-XX:+UseParallelGC", "-XX:SharedArchiveFile=" + archive,
                        "-Xlog:class+load=info:file=" + classes), environment, port, data.resolve("app.log"),
                Duration.ofSeconds(90));
        try {
            List<String> loaded = Files.readAllLines(classes);
            assertThat(loaded).anyMatch(line -> line.contains("org.accord.app.AccordApplication ")
                    && line.contains("shared objects file (top)"));
            long fromArchive = loaded.stream().filter(l -> l.contains("shared objects file")).count();
            System.out.printf("class-data archive: %d of %d classes loaded from it%n", fromArchive, loaded.size());
            assertThat(fromArchive).isGreaterThan(loaded.size() / 2);
        } finally {
            app.destroyForcibly().waitFor();
        }
    }
}
