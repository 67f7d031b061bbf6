package org.accord.app.deployment;

import static org.accord.app.deployment.DeploymentFiles.ROOT;
import static org.accord.app.deployment.DeploymentFiles.compose;
import static org.accord.app.deployment.DeploymentFiles.environment;
import static org.accord.app.deployment.DeploymentFiles.instructions;
import static org.accord.app.deployment.DeploymentFiles.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Dockerfile read as an operator would, without a Docker engine: the services and their
 * images, volumes, health checks and start order, the settings the app is given, and an image that is built in
 * stages and runs without privileges. DeploymentBuildIT builds and runs what these files name.
 */
class DeploymentFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void mongoAndTheAppHaveHealthChecksAndAxonServerNone() throws IOException {
        for (String name : List.of("mongo", "app")) {
            Map<String, Object> health = (Map<String, Object>) service(name).get("healthcheck");
            assertThat(health).as(name + " healthcheck").isNotNull().containsKeys("test", "interval", "retries");
            assertThat(health.get("test").toString()).as(name).isNotBlank();
            assertThat(service(name)).as(name).containsEntry("restart", "unless-stopped");
        }
        // the Axon Server image is distroless: no shell or curl to run a check with
        assertThat(service("axonserver")).as("axonserver").doesNotContainKey("healthcheck")
                .containsEntry("restart", "unless-stopped");
    }

    @Test
    @SuppressWarnings("unchecked")
    void axonServerIsTheStandardEditionTheTestsRunWithItsDataAndEventsOnNamedVolumes() throws IOException {
        Map<String, Object> axon = service("axonserver");
        // the tests run Axon Server SE 4.6.11 built from source (AXONSERVER_JAR)
        assertThat((String) axon.get("image")).isEqualTo("axoniq/axonserver:4.6.11-jdk-17");
        // a setting of the 2023+ builds, unknown to 4.6 SE
        assertThat(environment("axonserver")).doesNotContainKey("AXONIQ_AXONSERVER_STANDALONE")
                .containsEntry("AXONIQ_AXONSERVER_HOSTNAME", "axonserver");
        List<String> volumes = (List<String>) axon.get("volumes");
        assertThat(volumes).anyMatch(v -> v.endsWith(":/axonserver/data"))
                .anyMatch(v -> v.endsWith(":/axonserver/events"));
        assertNamedVolumesDeclared(volumes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mongoIsAReplicaSetThatItsHealthCheckInitiatesOnce() throws IOException {
        Map<String, Object> mongo = service("mongo");
        assertThat((String) mongo.get("image")).startsWith("mongo:");
        List<String> command = (List<String>) mongo.get("command");
        String set = command.get(command.indexOf("--replSet") + 1);
        String health = ((Map<String, Object>) mongo.get("healthcheck")).get("test").toString();
        assertThat(health).contains("rs.initiate({_id: '" + set + "'")
                .contains("host: 'mongo:27017'")
                // initiated only when rs.status() says there is no set yet
                .contains("try { rs.status() } catch (e) { rs.initiate(")
                .contains("isWritablePrimary");
        assertThat((List<String>) mongo.get("volumes")).anyMatch(v -> v.endsWith(":/data/db"));
        assertNamedVolumesDeclared((List<String>) mongo.get("volumes"));
        // the app's connection names the same set
        assertThat(environment("app").get("SPRING_MONGODB_URI")).contains("replicaSet=" + set)
                .startsWith("mongodb://mongo:27017/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAppIsBuiltFromTheDockerfileAndStartsOnceMongoIsHealthyAndAxonServerStarted() throws IOException {
        Map<String, Object> app = service("app");
        assertThat(app.get("build")).isEqualTo(".");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) app.get("depends_on");
        // the app itself waits for Axon Server: its readiness is DOWN until it is connected
        assertThat(dependsOn.get("axonserver")).containsEntry("condition", "service_started");
        assertThat(dependsOn.get("mongo")).containsEntry("condition", "service_healthy");
        assertThat(dependsOn.get("jwt-dev-keys")).containsEntry("condition", "service_completed_successfully");
        assertThat((List<String>) app.get("ports")).contains("8080:8080");
        Map<String, String> env = environment("app");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "production")
                .containsEntry("AXON_AXONSERVER_SERVERS", "axonserver:8124");
        assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString())
                .contains("/actuator/health/readiness");
    }

    @Test
    void everyAccordSettingTheComposeFileGivesIsOneTheProductionProfileReads() throws IOException {
        String production = Files.readString(ROOT.resolve("app/src/main/resources/application-production.yml"))
                + Files.readString(ROOT.resolve("app/src/main/resources/application.yml"));
        List<String> unread = new ArrayList<>();
        for (String variable : environment("app").keySet()) {
            if (variable.startsWith("ACCORD_") && !production.contains("${" + variable + ":")) {
                unread.add(variable);
            }
        }
        assertThat(unread).as("variables in docker-compose.yml that no configuration reads").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKeyMakerRunsAClassThatExistsOnThePlainJar() throws Exception {
        List<String> entrypoint = (List<String>) service("jwt-dev-keys").get("entrypoint");
        // java -cp /app/accord.jar MAIN keys DIR: the jar's manifest brings its libraries in lib/
        assertThat(entrypoint.subList(0, 3)).containsExactly("java", "-cp", "/app/accord.jar");
        String main = entrypoint.get(3);
        assertThat(Class.forName(main).getMethod("main", String[].class)).isNotNull();
        assertThat(entrypoint.subList(4, entrypoint.size())).containsExactly("keys", "/etc/accord/jwt");
    }

    @Test
    void theDockerfileBuildsInStagesAndRunsTheJarWithoutPrivileges() throws IOException {
        List<String> lines = instructions();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.get(0)).startsWith("FROM maven:").endsWith(" AS build");
        assertThat(froms.get(froms.size() - 1)).containsPattern("FROM eclipse-temurin:\\d+-jre");

        List<String> runtime = lines.subList(lines.indexOf(froms.get(froms.size() - 1)), lines.size());
        assertThat(runtime).anyMatch(l -> l.startsWith("COPY --from=build ") && l.contains("app/target/accord.jar"));
        // accord.jar is a plain jar: its libraries must travel with it
        assertThat(runtime).anyMatch(l -> l.startsWith("COPY --from=build ") && l.contains("app/target/lib /app/lib"));
        String user = runtime.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user.substring(5).trim()).isNotIn("root", "0", "0:0");
        assertThat(runtime).contains("EXPOSE 8080");
        assertThat(runtime).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("/actuator/health"));
        assertThat(runtime).anyMatch(l -> l.startsWith("ENTRYPOINT ") && l.contains("\"-jar\""));
        // the jar the image copies is the one the build makes
        assertThat(Files.readString(ROOT.resolve("app/pom.xml"))).contains("<finalName>accord</finalName>");
    }

    @Test
    void theImageBuildsFromSourcesOnly() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertThat(ignored).contains("**/target", "data", "**/*.pem");
        for (String line : instructions()) {
            if (line.startsWith("COPY ") && !line.startsWith("COPY --from=")) {
                List<String> words = List.of(line.substring(5).trim().split(" "));
                for (String source : words.subList(0, words.size() - 1)) { // the last word is the destination
                    assertThat(ROOT.resolve(source)).as("COPY source " + source).exists();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertNamedVolumesDeclared(List<String> mounts) throws IOException {
        Map<String, Object> declared = (Map<String, Object>) compose().get("volumes");
        Pattern named = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_-]*):/");
        for (String mount : mounts) {
            Matcher m = named.matcher(mount);
            assertThat(m.find()).as("a named volume: " + mount).isTrue();
            assertThat(declared).as("volumes").containsKey(m.group(1));
        }
    }
}
