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
 * ACCORD_DEMO=false keeps the demo out of an empty store.
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
}
