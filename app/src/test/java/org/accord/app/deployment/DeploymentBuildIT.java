package org.accord.app.deployment;

import static org.accord.app.deployment.DeploymentFiles.ROOT;
import static org.accord.app.deployment.DeploymentFiles.environment;
import static org.accord.app.deployment.DeploymentFiles.service;
import static org.accord.app.deployment.DeploymentFiles.stage;
import static org.accord.app.deployment.DeploymentFiles.words;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.accord.app.ledger.LedgerKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code docker compose up --build} does from a fresh clone, done without a Docker engine. The Dockerfile's
 * build stage runs its own Maven command on exactly the files it copies (less .dockerignore's), offline on the local
 * repository of this build; the runtime stage is laid out as the image holds it; the commands that docker-compose.yml
 * and deploy/token.sh run in it are run; and every path, class, port and setting those files name is checked against
 * what the build made. Where a Docker engine runs, {@code docker compose up} itself runs too.
 */
class DeploymentBuildIT {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);

    @TempDir
    static Path temp;

    /** The build stage's file system: its root, and its working folder when the build ran. */
    private static Path buildRoot;
    private static Path buildWorkdir;
    /** The runtime stage, laid out as the image holds it. */
    private static Image image;

    @BeforeAll
    static void buildAsTheDockerfileDoes() throws Exception {
        buildRoot = Files.createDirectories(temp.resolve("build-stage"));
        DockerIgnore ignored = DockerIgnore.read();
        Path workdir = buildRoot;
        List<List<String>> runs = new ArrayList<>();
        for (String line : stage("build")) {
            List<String> words = words(line);
            switch (words.get(0)) {
                case "WORKDIR" -> workdir = Files.createDirectories(inside(buildRoot, workdir, words.get(1)));
                case "COPY" -> copyFromContext(words, workdir, ignored);
                case "RUN" -> runs.add(words);
                case "FROM" -> { }
                default -> throw new AssertionError("the build stage does what this test does not: " + line);
            }
        }
        buildWorkdir = workdir;
        assertThat(runs).as("the build stage's RUN instructions").hasSize(1);
        Command build = run(mavenCommand(runs.get(0)), buildWorkdir, Map.of(), BUILD_TIMEOUT);
        assertThat(build.exit()).as("the Dockerfile's Maven build on the files it copies failed:\n" + build.output())
                .isZero();
        image = Image.layOut(temp.resolve("image"));
    }

    @Test
    void theRuntimeStageFindsEverythingItCopiesFromTheBuild() {
        assertThat(image.copiedFromBuild()).as("COPY --from=build targets").isNotEmpty().allSatisfy(
                copied -> assertThat(copied).as("copied from the build").exists());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKeyMakerServiceMakesAKeyPairInItsVolumeAndKeepsIt() throws Exception {
        Map<String, Object> keyMaker = service("jwt-dev-keys");
        assertThat(keyMaker.get("image")).as("the key maker runs the app's image")
                .isEqualTo(service("app").get("image"));
        List<String> entrypoint = (List<String>) keyMaker.get("entrypoint");
        Container container = image.container("jwt-dev-keys");
        Path keys = container.path(entrypoint.get(entrypoint.size() - 1));

        Command first = container.run(entrypoint);
        assertThat(first.exit()).as("the jwt-dev-keys entrypoint " + entrypoint + ":\n" + first.output()).isZero();
        assertThat(keys.resolve("private.pem")).as("private key in the jwt-keys volume").exists();
        String publicKey = Files.readString(keys.resolve("public.pem"));

        Command again = container.run(entrypoint);
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(Files.readString(keys.resolve("public.pem"))).as("the key pair is kept").isEqualTo(publicKey);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLedgerKeyServiceMakesTheKeyTheAppImportsAndTheWitnessFileIsOnAVolumeOfItsOwn() throws Exception {
        Map<String, Object> keyMaker = service("ledger-dev-key");
        assertThat(keyMaker.get("image")).as("the key maker runs the app's image")
                .isEqualTo(service("app").get("image"));
        List<String> entrypoint = (List<String>) keyMaker.get("entrypoint");
        Container container = image.container("ledger-dev-key");
        Command first = container.run(entrypoint);
        assertThat(first.exit()).as("the ledger-dev-key entrypoint " + entrypoint + ":\n" + first.output()).isZero();
        Command again = container.run(entrypoint);
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output()).contains("kept");

        // the app reads the files of that volume as its settings accord.ledger.private-key and public-key
        String imported = environment("app").get("SPRING_CONFIG_IMPORT");
        assertThat(imported).startsWith("configtree:");
        Container app = image.container("app");
        ConfigTreePropertySource tree = new ConfigTreePropertySource("ledger",
                app.path(imported.substring("configtree:".length()).replaceFirst("/$", "")));
        LedgerKeys keys = LedgerKeys.fromPem(String.valueOf(tree.getProperty("accord.ledger.private-key")),
                String.valueOf(tree.getProperty("accord.ledger.public-key")));
        assertThat(again.output()).contains(keys.keyId());

        // the witness file the image names is on a named volume of the app's, not in its data folder
        String witness = image.environment().get("ACCORD_LEDGER_WITNESS_FILE");
        String folder = witness.substring(0, witness.lastIndexOf('/'));
        assertThat(app.mounts()).as("a volume at the witness file's folder " + folder).containsKey(folder);
        assertThat(witness).doesNotStartWith(image.environment().get("ACCORD_DATA_DIR") + "/");
    }

    @Test
    void tokenShPrintsATokenThatTheAppVerifiesWithTheKeyInItsVolume() throws Exception {
        TokenSh script = TokenSh.read();
        Container container = image.container(script.service());
        @SuppressWarnings("unchecked")
        Command keys = container.run((List<String>) service("jwt-dev-keys").get("entrypoint"));
        assertThat(keys.exit()).as(keys.output()).isZero();

        Command token = container.run(script.command("ops-1", "lakeside-trust", "ACCORD_OPERATOR"));
        assertThat(token.exit()).as("deploy/token.sh's command " + script.command("…") + ":\n" + token.output())
                .isZero();
        // README.md uses it as OPERATOR=$(deploy/token.sh …): standard output is the token and nothing else
        assertThat(token.stdout().strip()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

        Map<String, String> app = environment("app");
        String location = app.get("ACCORD_JWT_PUBLIC_KEY_LOCATION");
        assertThat(location).startsWith("file:");
        Path publicPem = image.container("app").path(location.substring("file:".length()));
        assertThat(publicPem).as("the public key the app is told to trust, in its volume").exists();
        SignedJWT jwt = SignedJWT.parse(token.stdout().strip());
        assertThat(jwt.verify(new RSASSAVerifier(rsaPublicKey(publicPem)))).as("signature").isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getStringClaim(composeDefault(app.get("ACCORD_JWT_PERSON_ID_CLAIM")))).isEqualTo("ops-1");
        assertThat(claims.getStringClaim(composeDefault(app.get("ACCORD_JWT_TRUST_ID_CLAIM"))))
                .isEqualTo("lakeside-trust");
        assertThat(claims.getStringListClaim(composeDefault(app.get("ACCORD_JWT_ROLES_CLAIM"))))
                .containsExactly("ACCORD_OPERATOR");
        assertThat(claims.getExpirationTime()).isInTheFuture();
    }

    @Test
    void theImagesEntrypointStartsTheApplicationsMainClassWithItsLibraries() throws Exception {
        List<String> entrypoint = image.entrypoint();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-jar");
        Path jar = image.jar();
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest.getMainAttributes().getValue("Main-Class");
            assertThat(main).as("Main-Class").isNotBlank();
            assertThat(file.getJarEntry(main.replace('.', '/') + ".class")).as(main + " in " + jar).isNotNull();
            String classPath = manifest.getMainAttributes().getValue("Class-Path");
            assertThat(classPath).as("Class-Path").isNotBlank();
            List<String> missing = Stream.of(classPath.trim().split("\\s+"))
                    .filter(entry -> !Files.exists(jar.resolveSibling(entry))).toList();
            assertThat(missing).as("Class-Path entries missing beside " + jar).isEmpty();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPortTheComposeFileAndTheImageNameIsTheOneTheAppListensOn() throws Exception {
        String port = String.valueOf(image.settings("production").get("server.port"));
        assertThat(port).as("server.port").matches("\\d+");
        assertThat(String.valueOf(image.settings(null).get("server.port"))).as("the embedded mode's port")
                .isEqualTo(port);
        assertThat(environment("app")).doesNotContainKey("SERVER_PORT");
        for (String mapping : (List<String>) service("app").get("ports")) {
            assertThat(mapping.substring(mapping.lastIndexOf(':') + 1)).as("container side of " + mapping)
                    .isEqualTo(port);
        }
        assertThat(image.exposed()).as("EXPOSE").containsExactly(port);
        for (URI check : healthCheckUrls()) {
            assertThat(String.valueOf(check.getPort())).as(check.toString()).isEqualTo(port);
        }
    }

    @Test
    void theHealthChecksAskForPathsTheAppExposes() throws Exception {
        String profile = environment("app").get("SPRING_PROFILES_ACTIVE");
        assertExposed(image.settings(profile), composeHealthCheckUrl().getPath(), "compose's app health check");
        // the image alone runs the embedded mode
        assertExposed(image.settings(null), image.healthCheckUrl().getPath(), "the Dockerfile's HEALTHCHECK");
    }

    @Test
    void everyVariableTheComposeFileAndTheImageSetIsOneTheAppReads() throws Exception {
        Set<String> placeholders = new HashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(image.applicationYaml());
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Set<String> properties = image.propertyNames();
        Map<String, String> variables = new LinkedHashMap<>(environment("app"));
        variables.putAll(image.environment());
        List<String> unread = new ArrayList<>();
        for (String variable : variables.keySet()) {
            boolean read = variable.equals("JAVA_TOOL_OPTIONS") // the JVM's own
                    || placeholders.contains(variable)
                    || properties.contains(variable.toLowerCase().replace('_', '.'));
            if (!read) {
                unread.add(variable);
            }
        }
        assertThat(unread).as("variables given to the app that neither its configuration nor a property reads")
                .isEmpty();
    }

    @Test
    void composeUpServesTheAppWhereADockerEngineRuns() throws Exception {
        Assumptions.assumeTrue(dockerEngineRuns(),
                "no Docker engine here ('docker info' fails): 'docker compose config' and 'docker compose up' not run");
        String project = "accord-it-" + ProcessHandle.current().pid();
        Map<String, String> env = Map.of("COMPOSE_PROJECT_NAME", project);
        Command config = run(List.of("docker", "compose", "config", "-q"), ROOT, env, Duration.ofMinutes(1));
        assertThat(config.exit()).as(config.output()).isZero();
        try {
            Command up = run(List.of("docker", "compose", "up", "-d", "--build"), ROOT, env, Duration.ofMinutes(20));
            assertThat(up.exit()).as(up.output()).isZero();
            URI readiness = URI.create(composeHealthCheckUrl().toString().replace("127.0.0.1", "localhost"));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            String answer = "";
            while (!answer.contains("\"UP\"") && System.nanoTime() < deadline) {
                try {
                    answer = client.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYet) {
                    Thread.sleep(2_000);
                }
            }
            assertThat(answer).as(readiness + " after docker compose up").contains("\"UP\"");
            Command token = run(List.of(ROOT.resolve("deploy/token.sh").toString(), "ops-1", "lakeside-trust"),
                    ROOT, env, Duration.ofMinutes(2));
            assertThat(token.exit()).as(token.output()).isZero();
        } finally {
            run(List.of("docker", "compose", "down", "-v"), ROOT, env, Duration.ofMinutes(5));
        }
    }

    // ---- the image, as the Dockerfile's runtime stage makes it

    /** The runtime stage's files under {@code root} (its "/"), and what its instructions say about running them. */
    private record Image(Path root, Path workdir, Map<String, String> environment, List<String> entrypoint,
                         List<String> exposed, URI healthCheckUrl, List<Path> copiedFromBuild, Path volumes) {

        static Image layOut(Path root) throws IOException {
            Path workdir = Files.createDirectories(root);
            Map<String, String> environment = new LinkedHashMap<>();
            List<String> entrypoint = List.of();
            List<String> exposed = new ArrayList<>();
            URI health = null;
            List<Path> copied = new ArrayList<>();
            for (String line : stage(null)) {
                String instruction = line.substring(0, line.indexOf(' '));
                switch (instruction) {
                    case "WORKDIR" -> workdir = Files.createDirectories(inside(root, workdir, words(line).get(1)));
                    case "ENV" -> words(line).stream().skip(1).forEach(pair -> {
                        assertThat(pair).as("ENV NAME=value").contains("=");
                        environment.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                    });
                    case "EXPOSE" -> exposed.addAll(words(line).subList(1, words(line).size()));
                    case "ENTRYPOINT" -> entrypoint = jsonArray(line.substring("ENTRYPOINT ".length()));
                    case "HEALTHCHECK" -> health = firstUrl(line);
                    case "COPY" -> {
                        List<String> words = words(line);
                        assertThat(words.get(1)).as("the runtime stage copies from the build only: " + line)
                                .isEqualTo("--from=build");
                        assertThat(words).as(line).hasSize(4);
                        Path source = inside(buildRoot, buildWorkdir, words.get(2));
                        Path target = inside(root, workdir, words.get(3));
                        assertThat(source).as("COPY --from=build source " + words.get(2) + " (the build made it)")
                                .exists();
                        copy(source, target, path -> false);
                        copied.add(target);
                    }
                    // RUN (users, folders), USER: what they do is the engine's business
                    default -> { }
                }
            }
            assertThat(health).as("HEALTHCHECK").isNotNull();
            return new Image(root, workdir, environment, entrypoint, exposed, health, copied,
                    Files.createDirectories(root.resolveSibling("volumes")));
        }

        /** A compose service's container on this image (null: the image alone): its named volumes mounted. */
        @SuppressWarnings("unchecked")
        Container container(String serviceName) throws IOException {
            Map<String, Path> mounts = new LinkedHashMap<>();
            Map<String, String> env = new LinkedHashMap<>(environment);
            if (serviceName != null) {
                Map<String, Object> service = service(serviceName);
                for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
                    String[] parts = volume.split(":");
                    assertThat(parts[0]).as("a named volume: " + volume).doesNotStartWith("/").doesNotStartWith(".");
                    mounts.put(parts[1], Files.createDirectories(volumes.resolve(parts[0])));
                }
                env.putAll((Map<String, String>) service.getOrDefault("environment", Map.of()));
            }
            return new Container(this, mounts, env);
        }

        /** The jar the ENTRYPOINT runs. */
        Path jar() {
            return new Container(this, Map.of(), Map.of()).path(entrypoint.get(entrypoint.indexOf("-jar") + 1));
        }

        /** The application's configuration files as the built jar holds them, joined. */
        String applicationYaml() throws IOException {
            StringBuilder all = new StringBuilder();
            try (JarFile file = new JarFile(jar().toFile())) {
                for (JarEntry entry : file.stream().toList()) {
                    if (entry.getName().matches("application(-[\\w-]+)?\\.ya?ml")) {
                        try (InputStream in = file.getInputStream(entry)) {
                            all.append(new String(in.readAllBytes())).append("\n---\n");
                        }
                    }
                }
            }
            return all.toString();
        }

        /**
         * The application's settings for a profile (null: none), flattened: the built jar's application.yml documents
         * that apply, then application-PROFILE.yml, over the defaults that the libraries' configuration metadata
         * declare.
         */
        Map<String, Object> settings(String profile) throws IOException {
            Map<String, Object> settings = new HashMap<>(metadata().defaults());
            try (JarFile file = new JarFile(jar().toFile())) {
                for (Object document : new Yaml().loadAll(read(file, "application.yml"))) {
                    Map<String, Object> flat = flatten((Map<String, Object>) document);
                    Object onProfile = flat.get("spring.config.activate.on-profile");
                    if (onProfile == null || activeOn(String.valueOf(onProfile), profile)) {
                        settings.putAll(flat);
                    }
                }
                if (profile != null) {
                    for (Object document : new Yaml().loadAll(read(file, "application-" + profile + ".yml"))) {
                        settings.putAll(flatten((Map<String, Object>) document));
                    }
                }
            }
            return settings;
        }

        /** Every property the application can be given, relaxed (lower case, no dashes). */
        Set<String> propertyNames() throws IOException {
            Set<String> names = new HashSet<>(metadata().names());
            for (String profile : new String[] {null, "production"}) {
                settings(profile).keySet().forEach(name -> names.add(relaxed(name)));
            }
            return names;
        }

        private Metadata metadata() throws IOException {
            return Metadata.of(jar().resolveSibling("lib"));
        }

        private static boolean activeOn(String expression, String profile) {
            return expression.startsWith("!") ? !expression.substring(1).equals(profile) : expression.equals(profile);
        }

        private static String read(JarFile file, String name) throws IOException {
            JarEntry entry = file.getJarEntry(name);
            assertThat(entry).as(name + " in the built jar").isNotNull();
            try (InputStream in = file.getInputStream(entry)) {
                return new String(in.readAllBytes());
            }
        }
    }

    /** Property names and defaults from the configuration metadata of the libraries beside the jar. */
    private record Metadata(Set<String> names, Map<String, Object> defaults) {

        private static final ObjectMapper JSON = JsonMapper.builder().build();
        private static final Map<Path, Metadata> READ = new HashMap<>();

        static synchronized Metadata of(Path lib) throws IOException {
            Metadata known = READ.get(lib);
            if (known != null) {
                return known;
            }
            Set<String> names = new HashSet<>();
            Map<String, Object> defaults = new HashMap<>();
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                    try (JarFile file = new JarFile(jar.toFile())) {
                        for (String name : List.of("META-INF/spring-configuration-metadata.json",
                                "META-INF/additional-spring-configuration-metadata.json")) {
                            JarEntry entry = file.getJarEntry(name);
                            if (entry == null) {
                                continue;
                            }
                            try (InputStream in = file.getInputStream(entry)) {
                                for (JsonNode property : JSON.readTree(in).path("properties")) {
                                    String propertyName = property.path("name").asString();
                                    names.add(relaxed(propertyName));
                                    JsonNode value = property.get("defaultValue");
                                    if (value != null && value.isValueNode()) {
                                        defaults.put(propertyName, value.isNumber() ? value.numberValue()
                                                : value.isBoolean() ? value.asBoolean() : value.asString());
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Metadata read = new Metadata(names, defaults);
            READ.put(lib, read);
            return read;
        }
    }

    /** A container of the image: absolute paths inside it are files under the image's root or a mounted volume. */
    private record Container(Image image, Map<String, Path> mounts, Map<String, String> environment) {

        Path path(String absolute) {
            assertThat(absolute).as("a path inside the container").startsWith("/");
            String longest = mounts.keySet().stream()
                    .filter(target -> absolute.equals(target) || absolute.startsWith(target + "/"))
                    .reduce((a, b) -> a.length() >= b.length() ? a : b).orElse(null);
            if (longest == null) {
                return inside(image.root(), image.root(), absolute);
            }
            String rest = absolute.substring(longest.length()).replaceFirst("^/", "");
            return rest.isEmpty() ? mounts.get(longest) : mounts.get(longest).resolve(rest);
        }

        /** Runs a command as the container would: {@code java} is this JVM's, absolute paths map into the container. */
        Command run(List<String> command) throws IOException, InterruptedException {
            assertThat(command.get(0)).as("the image's command").isEqualTo("java");
            List<String> local = new ArrayList<>();
            local.add(ProcessHandle.current().info().command().orElse("java"));
            command.stream().skip(1).map(word -> word.startsWith("/") ? path(word).toString() : word)
                    .forEach(local::add);
            Map<String, String> env = new HashMap<>();
            environment.forEach((name, value) -> env.put(name, value.startsWith("/") ? path(value).toString() : value));
            return DeploymentBuildIT.run(local, image.workdir(), env, Duration.ofMinutes(2));
        }
    }

    // ---- deploy/token.sh

    /** The one command deploy/token.sh runs: {@code docker compose run [options] SERVICE ARGS…}. */
    private record TokenSh(String service, String entrypoint, List<String> arguments) {

        private static final Set<String> FLAGS = Set.of("--rm", "--no-deps", "-T", "--no-TTY", "-i", "--interactive");

        static TokenSh read() throws IOException {
            String exec = DeploymentFiles.logicalLines(ROOT.resolve("deploy/token.sh")).stream()
                    .filter(l -> l.startsWith("exec docker compose run ")).findFirst()
                    .orElseThrow(() -> new AssertionError("deploy/token.sh has no 'exec docker compose run'"));
            List<String> words = words(exec);
            String entrypoint = null;
            int i = 4;
            for (; words.get(i).startsWith("-"); i++) {
                if (words.get(i).equals("--entrypoint")) {
                    entrypoint = words.get(++i);
                } else {
                    assertThat(FLAGS).as("an option of docker compose run this test knows").contains(words.get(i));
                }
            }
            assertThat(entrypoint).as("--entrypoint").isNotNull();
            String service = words.get(i);
            DeploymentFiles.service(service); // one that docker-compose.yml defines
            return new TokenSh(service, entrypoint, words.subList(i + 1, words.size()));
        }

        List<String> command(String... scriptArguments) {
            List<String> command = new ArrayList<>(List.of(entrypoint));
            for (String word : arguments) {
                if (word.equals("$@")) {
                    command.addAll(List.of(scriptArguments));
                } else {
                    command.add(word);
                }
            }
            return command;
        }
    }

    // ---- the build context

    /** .dockerignore's patterns, matched as Docker matches them: against a path or any folder above it. */
    private record DockerIgnore(List<PathMatcher> patterns) {

        static DockerIgnore read() throws IOException {
            List<PathMatcher> patterns = new ArrayList<>();
            for (String raw : Files.readAllLines(ROOT.resolve(".dockerignore"))) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                assertThat(line).as("an exception this test does not apply").doesNotStartWith("!");
                String pattern = line.replaceFirst("^/", "");
                patterns.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
                if (pattern.startsWith("**/")) { // Docker's ** also matches no folder at all
                    patterns.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
                }
            }
            return new DockerIgnore(patterns);
        }

        boolean ignores(Path relative) {
            for (int n = 1; n <= relative.getNameCount(); n++) {
                Path above = relative.subpath(0, n);
                if (patterns.stream().anyMatch(p -> p.matches(above))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code COPY SOURCE… DEST} from the build context (the repository), as Docker copies. */
    private static void copyFromContext(List<String> words, Path workdir, DockerIgnore ignored) throws IOException {
        List<String> operands = words.stream().skip(1).filter(w -> !w.startsWith("--")).toList();
        assertThat(operands.size()).as("COPY sources and destination: " + words).isGreaterThanOrEqualTo(2);
        String destination = operands.get(operands.size() - 1);
        List<String> sources = operands.subList(0, operands.size() - 1);
        Path target = inside(buildRoot, workdir, destination);
        boolean intoFolder = sources.size() > 1 || destination.endsWith("/");
        for (String source : sources) {
            assertThat(source).as("a COPY source without wildcards").doesNotContain("*", "?", "[");
            Path from = ROOT.resolve(source).normalize();
            assertThat(from).as("COPY source " + source + " in the repository").exists();
            Path to = intoFolder && !Files.isDirectory(from) ? target.resolve(from.getFileName().toString()) : target;
            copy(from, to, path -> ignored.ignores(ROOT.relativize(path)));
        }
    }

    /** Copies a file, or a folder's contents into a folder, leaving out what {@code skip} says. */
    private static void copy(Path from, Path to, Predicate<Path> skip) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (skip.test(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!skip.test(file)) {
                    Path target = from.equals(file) ? to : to.resolve(from.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A path of a stage's file system ({@code root} is its "/"), absolute or relative to its working folder. */
    private static Path inside(Path root, Path workdir, String path) {
        Path resolved = (path.startsWith("/") ? root.resolve(path.substring(1)) : workdir.resolve(path)).normalize();
        assertThat(resolved.startsWith(root)).as(path + " stays inside the stage").isTrue();
        return resolved;
    }

    // ---- Maven, processes

    /** The build stage's {@code RUN [--mount…] mvn ARGS}, with this machine's mvn, offline, on this repository. */
    private static List<String> mavenCommand(List<String> run) {
        List<String> command = run.stream().skip(1).dropWhile(w -> w.startsWith("--")).toList();
        assertThat(command).as("the build stage's RUN").isNotEmpty().first().isEqualTo("mvn");
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        List<String> local = new ArrayList<>(List.of(mvnOnPath().toString(), "-o", "-Dmaven.repo.local=" + repository));
        local.addAll(command.subList(1, command.size()));
        return local;
    }

    private static Path mvnOnPath() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, "mvn")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("no mvn on PATH"));
    }

    private record Command(int exit, String stdout, String stderr) {
        String output() {
            return stdout + (stderr.isEmpty() ? "" : "\n[stderr]\n" + stderr);
        }
    }

    private static Command run(List<String> command, Path directory, Map<String, String> environment,
                               Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile(temp, "out-", ".log");
        Path err = Files.createTempFile(temp, "err-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish in " + timeout + ":\n" + Files.readString(out)
                    + Files.readString(err));
        }
        return new Command(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean dockerEngineRuns() {
        try {
            Process info = new ProcessBuilder("docker", "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return info.waitFor(30, TimeUnit.SECONDS) && info.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // ---- small readers

    @SuppressWarnings("unchecked")
    private static URI composeHealthCheckUrl() throws IOException {
        return firstUrl(String.valueOf(((Map<String, Object>) service("app").get("healthcheck")).get("test")));
    }

    private static List<URI> healthCheckUrls() throws IOException {
        return List.of(composeHealthCheckUrl(), image.healthCheckUrl());
    }

    private static URI firstUrl(String text) {
        Matcher url = Pattern.compile("https?://[^\\s\"',\\]]+").matcher(text);
        assertThat(url.find()).as("a URL in " + text).isTrue();
        return URI.create(url.group());
    }

    private static List<String> jsonArray(String text) {
        assertThat(text.strip()).as("the exec form").startsWith("[").endsWith("]");
        List<String> items = new ArrayList<>();
        Matcher item = Pattern.compile("\"([^\"]*)\"").matcher(text);
        while (item.find()) {
            items.add(item.group(1));
        }
        return items;
    }

    /** {@code ${NAME:-default}} → default; anything else as it is. */
    private static String composeDefault(String value) {
        Matcher m = Pattern.compile("^\\$\\{[A-Z0-9_]+:-(.*)}$").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    private static void assertExposed(Map<String, Object> settings, String path, String check) {
        String base = String.valueOf(settings.get("management.endpoints.web.base-path"));
        assertThat(path).as(check + " under the actuator's base path").startsWith(base + "/health");
        assertThat(settings.get("management.server.port")).as("no separate management port").isNull();
        List<String> exposed = List.of(String.valueOf(settings.get("management.endpoints.web.exposure.include"))
                .replaceAll("[\\[\\] ]", "").split(","));
        assertThat(exposed).as("management.endpoints.web.exposure.include").containsAnyOf("health", "*");
        String group = path.substring((base + "/health").length()).replaceFirst("^/", "");
        if (!group.isEmpty()) {
            boolean probe = Set.of("liveness", "readiness").contains(group)
                    && Boolean.parseBoolean(String.valueOf(settings.get("management.endpoint.health.probes.enabled")));
            boolean declared = settings.keySet().stream()
                    .anyMatch(k -> k.startsWith("management.endpoint.health.group." + group + "."));
            assertThat(probe || declared).as(check + ": a health group " + group).isTrue();
        }
    }

    private static RSAPublicKey rsaPublicKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> document) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((key, value) -> {
                if (value instanceof Map<?, ?> nested) {
                    flatten((Map<String, Object>) nested).forEach((k, v) -> flat.put(key + "." + k, v));
                } else {
                    flat.put(String.valueOf(key), value);
                }
            });
        }
        return flat;
    }

    /** Spring's relaxed form of a property name: what an environment variable is compared with. */
    private static String relaxed(String property) {
        return property.toLowerCase().replace("-", "");
    }
}
