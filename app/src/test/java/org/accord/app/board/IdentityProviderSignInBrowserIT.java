package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.accord.app.AccordApplication;
import org.accord.app.production.BearerClient;
import org.accord.app.production.ExternalMongoServer;
import org.accord.app.production.ProductionLifecycle;
import org.accord.app.production.ProductionWithoutAxonServer;
import org.accord.app.production.TestLedgerKeys;
import org.accord.app.production.TestTokens;
import org.accord.testidp.OpenIdProvider;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production sign-in of the board's pages, end to end in Chromium against a real OpenID provider (Spring
 * Authorization Server, {@link OpenIdProvider}) on another site: the authorisation-code flow with PKCE (the provider
 * refuses any request without it), the ID token's claims read as a bearer token's, a session cookie afterwards and
 * nothing in the browser's storage, sign-out ending both sessions, a person of another trust refused with the reason.
 * The production profile as ProductionProfileIT runs it (events in memory, MongoDB an external process), with the
 * shipped cookie settings.
 */
@SpringBootTest(classes = AccordApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@DirtiesContext
@Import(IdentityProviderSignInBrowserIT.EventsInMemory.class)
class IdentityProviderSignInBrowserIT {

    private static final ExternalMongoServer MONGO = ExternalMongoServer.start();
    private static final TestTokens TOKENS = TestTokens.generate();
    private static final TestLedgerKeys LEDGER = TestLedgerKeys.generate();
    private static final OpenIdProvider PROVIDER = OpenIdProvider.start();
    private static final String CLIENT_ID = "accord-board";
    private static final String PASSWORD = "provider-password";

    private static ProductionLifecycle.Trust trust;

    @TestConfiguration(proxyBeanMethods = false)
    static class EventsInMemory {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        // API clients' bearer tokens: this run's key; the pages: the provider
        ProductionWithoutAxonServer.register(registry, MONGO, TOKENS, LEDGER);
        registry.add("accord.security.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("accord.security.oidc.client-id", () -> CLIENT_ID);
        registry.add("accord.security.oidc.provider-name", () -> "Lakeside's sign-in");
    }

    @LocalServerPort
    int port;

    private Browser browser;
    private String screenshot;

    @BeforeAll
    static void browserPresent() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void trustAndClient(TestInfo test) throws Exception {
        if (trust == null) {
            trust = new ProductionLifecycle(new BearerClient(base()), TOKENS).run();
            PROVIDER.registerPublicClient(CLIENT_ID, base());
            // the provider's user names are Accord's person ids (its tokens' sub, Accord's person claim)
            PROVIDER.addUser(trust.chairId(), PASSWORD, Map.of("trust_id", trust.trustId()));
            PROVIDER.addUser(trust.memberId(), PASSWORD, Map.of("trust_id", "trust-elsewhere"));
        }
        // a new browser each time: no cookie of Accord's or of the provider's carries over between tests
        browser = Browser.open(port);
        screenshot = test.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            System.out.println("screenshot: " + browser.screenshot(screenshot).toAbsolutePath());
            browser.close();
        }
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aTrusteeSignsInThroughTheProviderAndTheBrowserHoldsNoCredentialAScriptCanRead() throws Exception {
        signInAtTheProvider(trust.chairId());
        assertThat(browser.waitFor("signed in", () -> browser.first(By.id("signed-in-as"))).getText())
                .isEqualTo("Bea Chair");

        assertThat((Object) browser.js("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
        assertThat((String) browser.js("return document.cookie")).doesNotContain("ACCORD_SESSION");
        Cookie session = browser.driver().manage().getCookieNamed("ACCORD_SESSION");
        assertThat(session).as("Accord's session cookie").isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        // Lax: the provider's redirect back must bring it; Strict would lose the sign-in
        assertThat(session.getSameSite()).isEqualTo("Lax");

        // a POST on the session cookie needs the session's CSRF token; with it, the caller is the signed-in person
        assertThat(postFromThePage(false)).startsWith("403");
        assertThat(postFromThePage(true)).startsWith("200").contains(trust.chairId());
    }

    @Test
    void signingOutEndsAccordsSessionAndTheProvidersSoTheNextSignInAsksForThePasswordAgain() throws Exception {
        signInAtTheProvider(trust.chairId());
        browser.waitFor("signed in", () -> browser.first(By.id("signed-in-as")));
        String oldSession = browser.driver().manage().getCookieNamed("ACCORD_SESSION").getValue();

        browser.driver().findElement(By.id("sign-out")).click();
        browser.waitFor("back on the sign-in page", () -> browser.first(By.id("sign-in-provider")));
        assertThat(browser.driver().getCurrentUrl()).startsWith(base() + "/board/");

        // the old cookie signs nothing in any more
        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/graphql")).header("Content-Type", "application/json")
                        .header("Cookie", "ACCORD_SESSION=" + oldSession)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isIn(401, 403);

        // the provider's session ended too: signing in again shows its login form, not an instant return
        browser.driver().findElement(By.id("sign-in-provider")).click();
        browser.waitFor("the provider's login form", () -> browser.first(By.id("username")));
        assertThat(browser.driver().getCurrentUrl()).startsWith(PROVIDER.issuer());
    }

    @Test
    void thePagesSessionEndsWhenItsIdTokenExpires() throws Exception {
        PROVIDER.idTokenLifetime(Duration.ofSeconds(20));
        try {
            signInAtTheProvider(trust.chairId());
            browser.waitFor("signed in", () -> browser.first(By.id("signed-in-as")));
            String session = browser.driver().manage().getCookieNamed("ACCORD_SESSION").getValue();
            assertThat(postFromThePage(true)).startsWith("200").contains(trust.chairId());

            Thread.sleep(21_000); // past the ID token's expiry
            assertThat(postFromThePage(true)).startsWith("401");
            // the session is over, not merely refused once: its cookie signs nothing in any more
            HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base() + "/graphql")).header("Content-Type", "application/json")
                            .header("Cookie", "ACCORD_SESSION=" + session)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(replay.statusCode()).isIn(401, 403);
            // and the page offers the sign-in again
            browser.go("/board/index.html");
            browser.waitFor("the provider's button", () -> browser.first(By.id("sign-in-provider")));
            assertThat(browser.first(By.id("signed-in-as"))).isNull();
        } finally {
            PROVIDER.idTokenLifetime(null);
        }
    }

    @Test
    void aPersonWhoseTokenNamesAnotherTrustIsRefusedWithTheReasonOnTheSignInPage() {
        signInAtTheProvider(trust.memberId());
        String problem = browser.waitFor("the refusal", () -> {
            var line = browser.first(By.id("sign-in-problem"));
            return line != null && line.isDisplayed() ? line.getText() : null;
        });
        assertThat(problem).contains("Not signed in").contains("is not a person of trust 'trust-elsewhere'");
        assertThat(browser.first(By.id("signed-in-as"))).isNull();
        // the reason is not left in the address for a reload to show again
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("signin-refused");
        // and nothing signed in: the page's own request, with the CSRF token, is refused as unauthenticated
        assertThat(postFromThePage(true)).startsWith("401");
    }

    @Test
    void apiClientsGetA401NeverARedirectToTheProvider() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/graphql")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> options = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base() + "/signin/options")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.body()).contains("\"providerUrl\":\"/oauth2/authorization/trust\"")
                .contains("\"password\":false").contains("\"token\":false");
    }

    /** From Accord's sign-in page to the provider's login form and back, as the person would. */
    private void signInAtTheProvider(String username) {
        browser.go("/board/index.html");
        browser.waitFor("the provider's button", () -> browser.first(By.id("sign-in-provider")));
        assertThat(browser.first(By.id("password"))).as("no password field of Accord's own").isNull();
        assertThat(browser.first(By.id("token"))).as("no token to paste").isNull();
        browser.driver().findElement(By.id("sign-in-provider")).click();
        browser.waitFor("the provider's login form", () -> browser.first(By.id("username"))).sendKeys(username);
        assertThat(browser.driver().getCurrentUrl()).startsWith(PROVIDER.issuer());
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
    }

    /** A GraphQL POST made by a script of the page, on the session cookie, with or without the CSRF header. */
    private String postFromThePage(boolean withCsrfToken) {
        return (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
                const xsrf = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
                if (arguments[0] && xsrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(xsrf.slice(11));
                fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query: '{ me { id } }' }) })
                  .then(async r => done(r.status + ' ' + await r.text()), e => done('failed ' + e));""",
                withCsrfToken);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
