package org.accord.app;

import org.accord.app.ledger.OfflineVerifier;
import org.accord.query.ReadModelConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@Import(ReadModelConfiguration.class)
public class AccordApplication {

    public static void main(String[] args) {
        if (args.length > 0 && OfflineVerifier.COMMAND.equals(args[0])) {
            // verifies an export with nothing but the export and the public key: no Spring, no store
            System.exit(OfflineVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        quietAxon();
        SpringApplication.run(AccordApplication.class, args);
    }

    /** Axon prints an advertisement for its console at start; Accord has no use for it. */
    public static void quietAxon() {
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
