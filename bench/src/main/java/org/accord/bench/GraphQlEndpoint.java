package org.accord.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Accord's GraphQL endpoint as the benchmark's clients call it: a blocking POST on the calling thread, over a
 * kept-alive connection (the JDK's own cache of them, made larger than the clients are many).
 * <p>
 * Why not {@code java.net.http.HttpClient}, which the benchmark used until session 42: it hands each exchange between
 * the calling thread, its selector thread and its executor's threads, and under castVote's 32 clients it took
 * 0.14–0.17 ms of CPU per vote, about a fifth of what the application itself took, on the same two cores; this takes
 * about a third of that (docs/benchmarks.md, session 42). The application's figures are the server's, and the raw
 * baselines they are set against have no client at all, so the client should take as little of the machine as it can.
 */
final class GraphQlEndpoint {

    static {
        // the JDK keeps at most 5 idle connections per server unless told otherwise, and closes one handed back when 5
        // are idle: 32 clients hand theirs back at any moment. Read once, when the JDK first opens such a connection
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "256");
        }
    }

    private final URL url;

    GraphQlEndpoint(int port) {
        try {
            this.url = URI.create("http://127.0.0.1:" + port + "/graphql").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends a GraphQL request's body (JSON) with the caller's credentials: the answer's body; a failure if not 200. */
    String post(String authorization, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        // as Accord's pages ask (board/js/accord.js); left to itself, the JDK asks for HTML and images first
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty("Authorization", authorization);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(bytes);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status + ": " + read(connection.getErrorStream()));
        }
        // read to its end and closed, so the connection goes back to the cache for the next request
        return read(connection.getInputStream());
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
