package org.accord.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/**
 * The board's pages sign in with a form and a session cookie; API clients keep HTTP Basic. Each browser here is a
 * jar of cookies kept by hand, so that the cookies' attributes and what is sent can be checked.
 */
class BrowserSessionHttpTest extends AccordHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SESSION = "ACCORD_SESSION";
    private static final String ME = "{\"query\":\"{ me { id } }\"}";

    @Test
    void theSessionCookieIsHttpOnlyAndSentOnlyFromAccordsOwnPages() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn("board", "demo");

        assertThat(signedIn.statusCode()).isEqualTo(200);
        String cookie = setCookie(signedIn, SESSION).orElseThrow();
        assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Strict");
        assertThat(setCookie(signedIn, "XSRF-TOKEN")).hasValueSatisfying(
                token -> assertThat(token).containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("HttpOnly"));
        HttpResponse<String> me = browser.post("/graphql", "application/json", ME, true);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("demo-person-board");
    }

    @Test
    void aChangeOnTheSessionCookieWithoutTheCsrfTokenIsRefusedAndRecordsNothing() throws Exception {
        Browser browser = new Browser();
        browser.signIn("member1", "demo");
        long before = storedEvents();

        HttpResponse<String> withoutToken = browser.post("/graphql", "application/json", draft("forged"), false);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("CSRF").contains("FORBIDDEN");
        HttpResponse<String> wrongToken = browser.post("/graphql", "application/json", draft("forged"), "guessed");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);

        HttpResponse<String> withToken = browser.post("/graphql", "application/json", draft("sent from the page"), true);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"draftProposal\":{\"proposal\":{\"id\"").doesNotContain("errors");
        assertThat(storedEvents()).isGreaterThan(before);
    }

    @Test
    void signingInNeedsTheCsrfTokenToo() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> refused = browser.post("/signin", "application/x-www-form-urlencoded",
                "username=board&password=demo", false);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(setCookie(refused, SESSION)).isEmpty();
    }

    @Test
    void wrongCredentialsOnTheFormFailWithAClearMessageAndNoSession() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> wrong = browser.signIn("board", "not-the-password");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("the user name or password is wrong").contains("UNAUTHORIZED");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(setCookie(wrong, SESSION)).isEmpty();
        assertThat(browser.signIn("nobody", "demo").body()).contains("the user name or password is wrong");
    }

    @Test
    void signingOutEndsTheSessionSoThatItsCookieNoLongerWorks() throws Exception {
        Browser browser = new Browser();
        browser.signIn("board", "demo");
        String oldCookie = browser.cookies.get(SESSION);

        HttpResponse<String> signedOut = browser.post("/signout", "application/x-www-form-urlencoded", "", true);
        assertThat(signedOut.statusCode()).isEqualTo(204);
        assertThat(setCookie(signedOut, SESSION)).hasValueSatisfying(c -> assertThat(c).startsWith(SESSION + "=;"));

        browser.cookies.put(SESSION, oldCookie);
        browser.get("/board/index.html");
        HttpResponse<String> replayed = browser.post("/graphql", "application/json", ME, true);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("your session has ended").doesNotContain("demo-person-board");
    }

    @Test
    void apiClientsKeepHttpBasicWithoutCsrfTokensOrSessions() throws Exception {
        long before = storedEvents();
        HttpResponse<String> curl = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", basic("member1:demo"))
                .POST(HttpRequest.BodyPublishers.ofString(draft("sent with curl -u"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(curl.statusCode()).isEqualTo(200);
        assertThat(curl.body()).contains("\"draftProposal\":{\"proposal\":{\"id\"").doesNotContain("errors");
        assertThat(storedEvents()).isGreaterThan(before);
        assertThat(setCookie(curl, SESSION)).isEmpty();
        assertThat(setCookie(curl, "XSRF-TOKEN")).isEmpty(); // no token made for a client that never needs one
    }

    @Test
    void aSubscriptionSignsInWithTheSessionCookieOnlyFromAccordsOwnPages() throws Exception {
        Browser browser = new Browser();
        browser.signIn("board", "demo");

        assertThat(connectionInit(browser, base())).as("from Accord's own page").contains("connection_ack");
        // Spring's WebSocket handshake admits only Accord's own origin (a page of another origin, even of the same
        // site, such as another app on localhost, would otherwise open the socket with the browser's cookie)
        assertThat(connectionInit(browser, "http://localhost:" + (port + 1))).as("from another origin")
                .startsWith("handshake refused").contains("403");
        assertThat(connectionInit(new Browser(), base())).as("with no session").doesNotContain("connection_ack");
    }

    /** Opens graphql-ws with the browser's cookies and this Origin, sends an empty connection_init: the first answer. */
    private String connectionInit(Browser browser, String origin) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket.Builder socket = HTTP.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .header("Origin", origin);
        if (!browser.cookies.isEmpty()) {
            socket.header("Cookie", browser.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        WebSocket open;
        try {
            open = socket.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                answer.complete(data.toString());
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                answer.complete("closed " + statusCode + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                answer.complete("failed " + error);
            }
        }).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return "handshake refused: " + (e.getCause() instanceof WebSocketHandshakeException refused
                    ? "HTTP " + refused.getResponse().statusCode() : e.getCause());
        }
        open.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true);
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } finally {
            open.abort();
        }
    }

    private static String draft(String title) {
        return "{\"query\":\"mutation D($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id } } }\","
                + "\"variables\":{\"input\":{\"teamId\":\"demo-team-english\",\"kind\":\"NEW_STANDARD\",\"title\":\""
                + title + "\",\"area\":\"CURRICULUM\",\"alignment\":\"GUIDANCE\",\"statement\":\"Schools do: " + title
                + "\"}}}";
    }

    private static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** A browser's cookie jar for Accord's address: what it was last told to keep, sent with every request. */
    private final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> signIn(String account, String password) throws IOException, InterruptedException {
            get("/board/index.html");
            return post("/signin", "application/x-www-form-urlencoded", "username=" + encode(account)
                    + "&password=" + encode(password), true);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
        }

        /** withToken: the page's own request, with the X-XSRF-TOKEN header; without it, a forged one. */
        HttpResponse<String> post(String path, String type, String body, boolean withToken)
                throws IOException, InterruptedException {
            return post(path, type, body, withToken ? cookies.get("XSRF-TOKEN") : null);
        }

        /** A request with this X-XSRF-TOKEN header (null: none), whatever the cookie holds. */
        HttpResponse<String> post(String path, String type, String body, String token)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", type).header("X-Requested-With", "XMLHttpRequest")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return send(request);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
