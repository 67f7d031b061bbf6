package org.accord.app.ledger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each witness entry, as its JSON line, to an external witness ({@code accord.ledger.witness-url}) by POST. It
 * never holds Accord up: entries queue in memory and a single background thread sends them in order, retrying the
 * first one that fails (logged) until the witness answers 2xx. Entries still queued when Accord stops are not sent;
 * the witness file has them all.
 */
public class WitnessUrl implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WitnessUrl.class);

    private final URI url;
    private final Duration retry;
    private final HttpClient http;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService sender;

    /** The external witness that the configuration names ({@code accord.ledger.witness-url}); null when none is set. */
    public static WitnessUrl configured(LedgerProperties properties) {
        String url = properties.witnessUrl();
        return url == null || url.isBlank() ? null : new WitnessUrl(URI.create(url.strip()), properties.witnessRetry());
    }

    public WitnessUrl(URI url, Duration retry) {
        this.url = url;
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "accord-witness-url");
            thread.setDaemon(true);
            return thread;
        });
    }

    public URI url() {
        return url;
    }

    public void send(WitnessEntry entry) {
        queue.add(entry.toJsonLine());
        sender.execute(this::drain);
    }

    /** Entries not yet accepted by the witness. */
    public int pending() {
        return queue.size();
    }

    private void drain() {
        String line;
        while ((line = queue.peek()) != null) {
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(line)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException("it answered " + answer.statusCode());
                }
                queue.poll();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                log.warn("The witness at {} did not take a checkpoint ({}); {} entries wait, next try in {}", url,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), queue.size(), retry);
                sender.schedule(this::drain, retry.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
