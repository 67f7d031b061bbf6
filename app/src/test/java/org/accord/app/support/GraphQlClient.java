package org.accord.app.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL client for the reliability tests: documents with variables, answers as JSON trees, and a transport
 * failure (the application was killed mid-request) kept apart from an answer that carries errors.
 */
public final class GraphQlClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    public GraphQlClient(int port) {
        this.port = port;
    }

    /** The status and body of one exchange. */
    public record Answer(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public JsonNode data() {
            return json().path("data");
        }

        public boolean hasErrors() {
            return json().path("errors").size() > 0;
        }

        /** The classification of each error, in order. */
        public List<String> classifications() {
            List<String> result = new ArrayList<>();
            json().path("errors").forEach(e -> result.add(e.path("extensions").path("classification").asString("")));
            return result;
        }
    }

    /** Posts {@code {"query": document, "variables": variables}} as a demo account (password {@code demo}). */
    public Answer post(String account, String document, Map<String, ?> variables)
            throws IOException, InterruptedException {
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("query", document);
        if (variables != null) {
            body.put("variables", variables);
        }
        return postRaw(account, JSON.writeValueAsString(body), "application/json");
    }

    /**
     * Posts a body exactly as given: for requests no well-behaved client would send. The account is a demo account,
     * {@code name:password} for other credentials, or null for none.
     */
    public Answer postRaw(String account, String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", contentType)
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (account != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((account.contains(":") ? account : account + ":demo")
                            .getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
