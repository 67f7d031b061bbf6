package org.accord.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.accord.app.AccordApplication;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application as a client meets it: started on a random port in the embedded mode, on a data folder of its own,
 * with the demo trust loaded, and reached over HTTP with the demo accounts.
 */
@SpringBootTest(classes = AccordApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AccordHttpTest {

    private static final Path DATA = newDataFolder();

    /**
     * Generous: the clients' default of 5 s failed answers that were merely slow on a 2-core machine shared with
     * other builds (load average about 30); a test that waits should never fail on timing alone.
     */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @BeforeAll
    static void quiet() {
        AccordApplication.quietAxon();
    }

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) {
        // the data folder and the witness file beside it, both in the test's temp folder
        registry.add("accord.data-dir", () -> DATA.resolve("data").toString());
        registry.add("accord.ledger.witness-file", () -> DATA.resolve("witness.log").toString());
        registry.add("accord.demo", () -> "true");
        // the tests share this app and some count its events: what fell due is recorded before the first of them,
        // and the periodic look (every minute in use) never lands in the middle of one; a test that needs a look
        // asks for it (DueNotificationsGraphQlTest)
        registry.add("accord.notifications.first-due-check", () -> "before-ready");
        registry.add("accord.notifications.due-check-interval", () -> "1h");
    }

    /** A GraphQL client signed in as one of the demo accounts (password {@code demo}). */
    protected HttpGraphQlTester as(String account) {
        return HttpGraphQlTester.builder(client().defaultHeaders(h -> h.setBasicAuth(account, "demo")))
                .responseTimeout(RESPONSE_TIMEOUT).build();
    }

    protected WebTestClient.Builder client() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector()).responseTimeout(RESPONSE_TIMEOUT)
                .baseUrl("http://localhost:" + port + "/graphql");
    }

    /** Events in the store: what "nothing was recorded" is checked against. */
    protected long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class);
    }

    private static Path newDataFolder() {
        try {
            Path dir = Files.createTempDirectory("accord-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
