package org.accord.app.production;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accord over HTTP as an outside client meets it in production: GraphQL and the actuator, with bearer tokens. */
public final class BearerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public BearerClient(String base) {
        this.base = base;
    }

    /** {@code http://host:port} */
    public String base() {
        return base;
    }

    /** {@code challenge}: the WWW-Authenticate header of a refusal (what a 401 says was wrong), or "". */
    public record Answer(int status, String body, String challenge) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A GraphQL request that must come back 200; returns the whole answer (data and errors). */
    public JsonNode graphql(String token, String document, Map<String, Object> variables) {
        Answer answer = post("/graphql", token, Map.of("query", document, "variables", variables));
        if (answer.status() != 200) {
            throw new AssertionError("HTTP " + answer.status() + " for " + document + ": " + answer.body());
        }
        return answer.json();
    }

    /** A GraphQL request whose answer must have no errors; returns its data. */
    public JsonNode data(String token, String document, Map<String, Object> variables) {
        JsonNode answer = graphql(token, document, variables);
        if (answer.has("errors") && !answer.get("errors").isEmpty()) {
            throw new AssertionError("errors for " + document + ": " + answer.get("errors"));
        }
        return answer.get("data");
    }

    public Answer post(String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(request, token);
    }

    public Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET(), token);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Accord at " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
