package org.accord.app.operations;

import java.util.List;

import org.accord.app.security.AccountsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last lines of a start say where to go: the address of the pages and of the API, and in the embedded demo the
 * accounts to sign in with (a first user read the whole log and found neither).
 */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final Environment environment;
    private final ObjectProvider<AccountsProperties> accounts;

    ReadyMessage(Environment environment, ObjectProvider<AccountsProperties> accounts) {
        this.environment = environment;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void sayWhereToGo() {
        lines().forEach(log::info);
    }

    List<String> lines() {
        String base = "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
        String ready = "Accord is ready: the pages at " + base + "/ , the GraphQL API at " + base + "/graphql";
        AccountsProperties configured = accounts.getIfAvailable();
        boolean demo = environment.getProperty("accord.demo", Boolean.class, false);
        if (!demo || configured == null || configured.accounts().isEmpty()) {
            return List.of(ready);
        }
        return List.of(ready, "Demo accounts (password \"demo\" unless configured otherwise): "
                + String.join(", ", configured.accounts().keySet()));
    }
}
