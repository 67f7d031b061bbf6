package org.accord.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.accord.app.embedded.DataFolderLock;
import org.accord.app.embedded.ReadModelPrinter;
import org.accord.app.ledger.DecisionProof;
import org.accord.app.ledger.OfflineVerifier;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What {@code java -jar accord.jar} does before anything starts: {@code --help} and {@code --version} print and exit
 * without creating or reading a data folder, and a data folder another Accord is using ends the start with one
 * sentence instead of a failed context's stack trace.
 */
final class CommandLine {

    static final List<String> HELP = List.of("--help", "-h", "-?");
    static final List<String> VERSION = List.of("--version", "-V");

    private CommandLine() {
    }

    /** @return the exit status, if the command line is answered without starting Accord */
    static OptionalInt answer(String[] args, PrintStream out, PrintStream err) {
        List<String> given = Arrays.asList(args);
        if (given.stream().anyMatch(HELP::contains)) {
            out.print(help());
            return OptionalInt.of(0);
        }
        if (given.stream().anyMatch(VERSION::contains)) {
            out.println("Accord " + version() + " (Java " + Runtime.version() + ")");
            return OptionalInt.of(0);
        }
        Optional<DataFolderLock.InUse> inUse = embedded(args) ? DataFolderLock.inUse(dataFolder(args))
                : Optional.empty();
        if (inUse.isPresent()) {
            err.println("Accord did not start: " + inUse.get().getMessage() + ".");
            return OptionalInt.of(1);
        }
        return OptionalInt.empty();
    }

    static String version() {
        String version = AccordApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "(a development build)";
    }

    static String help() {
        return """
                Accord: decisions of a group of schools, as an event-sourced record.

                Usage:
                  java -jar accord.jar [--name=value ...]   run Accord (embedded mode unless a profile says otherwise)
                  java -jar accord.jar %s EXPORT.json PUBLIC-KEY.pem     verify a decision-log export offline
                  java -jar accord.jar %s DECISION.json PUBLIC-KEY.pem verify one decision and its proof offline
                  java -jar accord.jar %s DATA-FOLDER [COLLECTION ...]   print an embedded folder's read models
                  java -jar accord.jar --help | --version

                Settings (environment, or --name=value on the command line):
                  ACCORD_DATA_DIR          the embedded mode's data folder (default ./data); one Accord per folder
                  SERVER_PORT              the HTTP port (default 8080): the pages at /board/, GraphQL at /graphql
                  ACCORD_DEMO              true (default): load the demo trust into an empty store
                  SPRING_PROFILES_ACTIVE   production: Axon Server and MongoDB, sign-in by the identity provider's
                                           tokens (AXON_AXONSERVER_SERVERS, SPRING_MONGODB_URI; see the README)
                """.formatted(OfflineVerifier.COMMAND, DecisionProof.COMMAND, ReadModelPrinter.COMMAND);
    }

    /** The same reading of the settings as the start's: the command line, then system properties, then environment. */
    private static StandardEnvironment environment(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return environment;
    }

    private static boolean embedded(String[] args) {
        return !Arrays.asList(environment(args).getActiveProfiles()).contains("production");
    }

    private static Path dataFolder(String[] args) {
        String folder = environment(args).getProperty("accord.data-dir", "./data");
        return Path.of(folder).toAbsolutePath().normalize();
    }
}
