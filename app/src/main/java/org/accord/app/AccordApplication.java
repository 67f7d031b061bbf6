package org.accord.app;

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
        quietAxon();
        SpringApplication.run(AccordApplication.class, args);
    }

    /** Axon prints an advertisement for its console at start; Accord has no use for it. */
    public static void quietAxon() {
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
