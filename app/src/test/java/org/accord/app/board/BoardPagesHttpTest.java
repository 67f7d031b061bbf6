package org.accord.app.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;

/** The pages as files: served to anyone (they hold no data), every asset from the app itself. */
class BoardPagesHttpTest extends AccordHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path PAGES = Path.of("src", "main", "resources", "static", "board");

    @Test
    void thePagesAndTheirAssetsAreServedWithoutSigningIn() throws Exception {
        for (String path : List.of("/board/index.html", "/board/standard.html", "/board/proposal.html",
                "/board/variations.html", "/board/standards.html", "/board/board.css", "/board/js/accord.js",
                "/board/rights.html", "/board/js/rights.js",
                "/board/js/graphql-ws.js", "/board/js/diff.js", "/board/home.html", "/board/js/home.js",
                "/board/js/words.js", "/board/variation.html", "/board/js/variation.js", "/board/js/variation-actions.js",
                "/board/js/draft.js", "/board/draft.html", "/board/js/live.js", "/board/peer-reviews.html", "/board/js/peer-reviews.js",
                "/board/peer-review.html", "/board/js/peer-review.js", "/board/js/delegations.js",
                "/board/js/rights-actions.js", "/board/requests.html", "/board/js/requests.js",
                "/board/request.html", "/board/js/request.js",
                "/board/people.html", "/board/js/people.js")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> folder = get("/board/", null);
        assertThat(folder.statusCode()).isEqualTo(302);
        assertThat(folder.headers().firstValue("Location").orElseThrow()).endsWith("/board/index.html");
    }

    @Test
    void theRootAddressLeadsToTheHomePageWithoutAPasswordChallenge() throws Exception {
        HttpResponse<String> root = get("/", null);

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/board/home.html");
        assertThat(root.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aPageAskingWithAWrongPasswordGets401WithoutTheChallengeThatMakesBrowsersAskThemselves() throws Exception {
        HttpResponse<String> fromPage = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json").header("X-Requested-With", "XMLHttpRequest")
                .header("Authorization", basic("board:wrong"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromPage.statusCode()).isEqualTo(401);
        assertThat(fromPage.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(fromPage.body()).contains("the user name or password is wrong").contains("UNAUTHORIZED");

        HttpResponse<String> fromCurl = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", basic("board:wrong"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fromCurl.statusCode()).isEqualTo(401);
        assertThat(fromCurl.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void noCredentialsAreToldApartFromWrongOnes() throws Exception {
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("sign in first: the request carried no credentials")
                .doesNotContain("wrong");
    }

    @Test
    void noPageLoadsAnythingFromElsewhere() throws IOException {
        Pattern elsewhere = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}|@import\\s+url");
        try (Stream<Path> files = Files.walk(PAGES)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(9);
            for (Path file : all) {
                assertThat(elsewhere.matcher(Files.readString(file)).find()).as(file + " refers to another site").isFalse();
            }
        }
    }

    private HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (credentials != null) {
            request.header("Authorization", basic(credentials));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
