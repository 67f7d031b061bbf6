package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.accord.app.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar starts the embedded mode from the bean definitions the build computed (Spring AOT: the start-up
 * target of issue #3 depends on it), and what those definitions cannot know, it still reads when it runs: here,
 * ACCORD_DEMO=false keeps the demo out of an empty store.
 */
class AheadOfTimeStartIT {

    @TempDir
    Path data;

    @Test
    void thePackagedJarStartsFromTheBuildsBeanDefinitionsAndStillReadsItsSettings() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = data.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "accord.jar").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ACCORD_DATA_DIR", data.resolve("data").toString());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("ACCORD_DEMO", "false");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        Process app = builder.start();
        try {
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (!Http.healthy(port)) {
                assertThat(app.isAlive()).as("still running:%n%s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("healthy in time").isLessThan(deadline);
                Thread.sleep(100);
            }
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
}
