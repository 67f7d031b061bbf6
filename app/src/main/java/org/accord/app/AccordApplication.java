package org.accord.app;

import org.accord.app.embedded.ReadModelPrinter;
import org.accord.app.ledger.DecisionProof;
import org.accord.app.ledger.OfflineVerifier;
import org.accord.app.platform.readyourwrites.StoppedWhileCatchingUp;
import org.accord.query.ReadModelConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

// the OpenID provider the production sign-in's browser test starts is on the test class path: Accord itself never
// issues tokens, so its own contexts must not become an authorisation server (or grow its JWT decoder and keys)
@SpringBootApplication(excludeName = {
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                + "OAuth2AuthorizationServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
                + "OAuth2AuthorizationServerJwtAutoConfiguration"})
@EnableScheduling
@ConfigurationPropertiesScan
@Import(ReadModelConfiguration.class)
public class AccordApplication {

    private static final String AOT_ENABLED = "spring.aot.enabled";

    public static void main(String[] args) {
        if (args.length > 0 && OfflineVerifier.COMMAND.equals(args[0])) {
            // verifies an export with nothing but the export and the public key: no Spring, no store
            System.exit(OfflineVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        if (args.length > 0 && ReadModelPrinter.COMMAND.equals(args[0])) {
            // prints an embedded data folder's read models as JSON: their rows are compressed, not text to sqlite3
            System.exit(ReadModelPrinter.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out,
                    System.err));
        }
        if (args.length > 0 && DecisionProof.COMMAND.equals(args[0])) {
            // verifies one decision with its inclusion proof and the public key, offline
            System.exit(DecisionProof.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        java.util.OptionalInt answered = CommandLine.answer(args, System.out, System.err);
        if (answered.isPresent()) {
            System.exit(answered.getAsInt());
        }
        quietAxon();
        useAheadOfTimeDefinitionsUnlessProfiled(args);
        try {
            SpringApplication.run(AccordApplication.class, args);
        } catch (StoppedWhileCatchingUp stopped) {
            return; // stopped on purpose while starting: logged as such, and the JVM is already shutting down
        } catch (SpringApplication.AbandonedRunException aheadOfTimeProcessing) {
            throw aheadOfTimeProcessing; // the build's AOT step ends the run on purpose, once the context is computed
        } catch (RuntimeException failed) {
            // Spring has logged why (its failure analysis). Exit now: threads a half-started context leaves behind
            // (Axon's connection janitor, a web server's) would otherwise keep the JVM alive with no port open.
            Throwable cause = failed;
            while (cause.getCause() != null && !(cause instanceof org.accord.app.embedded.DataFolderLock.InUse)) {
                cause = cause.getCause();
            }
            System.err.println("Accord did not start: " + (cause instanceof org.accord.app.embedded.DataFolderLock.InUse
                    ? cause.getMessage() + "." : failed.getMessage()));
            System.exit(1);
        }
    }

    /**
     * The embedded mode starts from the bean definitions the build computed (Spring AOT, {@code process-aot} in
     * app/pom.xml): no configuration classes parsed or conditions evaluated at every start, which is most of what
     * issue #3's start-up target asked for. Those definitions were computed for no profile and the default settings,
     * so a start with any profile (production) goes the ordinary way, as does one that decides for itself with
     * {@code -Dspring.aot.enabled} (the benchmark's loader brings beans of its own) or a build without them (tests).
     */
    static void useAheadOfTimeDefinitionsUnlessProfiled(String[] args) {
        if (System.getProperty(AOT_ENABLED) != null
                || Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING) // the build computing the definitions
                || !ClassUtils.isPresent(AccordApplication.class.getName() + "__ApplicationContextInitializer",
                        AccordApplication.class.getClassLoader())) {
            return;
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        if (environment.getActiveProfiles().length == 0) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    /** Axon prints an advertisement for its console at start; Accord has no use for it. */
    public static void quietAxon() {
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
