package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.accord.app.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails ends the process with a non-zero status and says why. Before, the first start on a taken port
 * failed and then the JVM stayed alive with nothing listening (a thread the half-started context left behind), as a
 * production start did when Axon Server was away.
 */
class FailedStartExitsIT {

    @TempDir
    Path data;

    @Test
    void aFirstStartOnATakenPortExitsNonZeroNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path log = data.resolve("start.log");
            Process app = PackagedJar.start(PackagedJar.currentJava(), List.of(),
                    Map.of("ACCORD_DATA_DIR", data.resolve("data").toString(), "SERVER_ADDRESS", "127.0.0.1"), port,
                    log);
            boolean ended = app.waitFor(120, TimeUnit.SECONDS);
            if (!ended) {
                app.destroyForcibly().waitFor();
            }
            String output = Files.readString(log);
            assertThat(ended).as("the process ended by itself after its start failed:\n" + output).isTrue();
            assertThat(app.exitValue()).as(output).isNotZero();
            assertThat(output).contains(String.valueOf(port)).contains("Accord did not start");
        }
    }
}
