package org.accord.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;

/**
 * Times the first render of a board page in Debian's headless Chromium, driven over the DevTools protocol with the
 * JDK's own WebSocket client: the benchmark runs on the application's class path, which has no browser driver. The
 * page marks its first render ({@code performance.mark('accord:rendered')}, as the browser tests read it); the
 * transfer size is the navigation's plus every resource's, as the browser counted them.
 */
final class PageTimer implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("bench.chromium", "/usr/bin/chromium"));
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

    record Render(double firstRenderMs, long transferBytes) {
    }

    private final Process chromium;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Document>> answers = new ConcurrentHashMap<>();

    private PageTimer(Process chromium, Path profile, WebSocket page) {
        this.chromium = chromium;
        this.profile = profile;
        this.page = page;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    static PageTimer start() throws Exception {
        Path profile = Files.createTempDirectory("accord-bench-chromium-");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=1280,1000", "about:blank").redirectErrorStream(true)
                .start();
        String browserSocket = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(chromium.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line; browserSocket == null && (line = out.readLine()) != null; ) {
            Matcher m = DEVTOOLS.matcher(line);
            if (m.find()) {
                browserSocket = m.group(1);
            }
        }
        if (browserSocket == null) {
            chromium.destroyForcibly();
            throw new IllegalStateException("Chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        // the page target's socket: /json/list on the DevTools port names it
        URI devtools = URI.create(browserSocket);
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://" + devtools.getHost() + ":"
                + devtools.getPort() + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
        String pageSocket = Document.parse("{\"targets\":" + list + "}").getList("targets", Document.class).stream()
                .filter(t -> "page".equals(t.getString("type"))).findFirst().orElseThrow()
                .getString("webSocketDebuggerUrl");
        PageTimer[] timer = new PageTimer[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    Document message = Document.parse(text.toString());
                    text.setLength(0);
                    Integer id = message.getInteger("id");
                    if (id != null && timer[0] != null) {
                        CompletableFuture<Document> answer = timer[0].answers.remove(id);
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                }
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        timer[0] = new PageTimer(chromium, profile, socket);
        return timer[0];
    }

    private Document send(String method, Document params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Document> answer = new CompletableFuture<>();
        answers.put(id, answer);
        page.sendText(new Document("id", id).append("method", method).append("params", params).toJson(), true)
                .get(30, TimeUnit.SECONDS);
        Document result = answer.get(120, TimeUnit.SECONDS);
        if (result.get("error") != null) {
            throw new IllegalStateException(method + ": " + result.get("error"));
        }
        return result.get("result", Document.class);
    }

    /** The value of a script (awaited if it is a promise). */
    private Object evaluate(String expression) throws Exception {
        Document result = send("Runtime.evaluate", new Document("expression", expression)
                .append("awaitPromise", true).append("returnByValue", true)).get("result", Document.class);
        return result.get("value");
    }

    private void navigate(String url) throws Exception {
        send("Page.navigate", new Document("url", url));
    }

    /** Signs the browser in through the pages' own sign-in (a session cookie, as a person's browser holds it). */
    void signIn(String base, String account, String password) throws Exception {
        navigate(base + "/board/index.html");
        waitFor("document.cookie.includes('XSRF-TOKEN=')", Duration.ofSeconds(60));
        Object status = evaluate("""
                fetch('/signin', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                  'X-XSRF-TOKEN': decodeURIComponent(document.cookie.split('; ')
                    .find(c => c.startsWith('XSRF-TOKEN=')).slice(11)) },
                  body: new URLSearchParams({ username: '%s', password: '%s' }) }).then(r => r.status)"""
                .formatted(account, password));
        if (!(status instanceof Number n) || n.intValue() != 200) {
            throw new IllegalStateException("the page's sign-in answered " + status);
        }
    }

    /** Opens a page and waits for its first render; a page that shows a problem instead fails the benchmark. */
    Render open(String url) throws Exception {
        // from a blank page, so that a second load of the same address never reads the first load's mark
        navigate("about:blank");
        waitFor("location.href === 'about:blank'", Duration.ofSeconds(30));
        navigate(url);
        Object at = waitFor("(() => { const m = performance.getEntriesByName('accord:rendered')[0];"
                + " return location.href === '" + url + "' && m ? m.startTime : null })()", Duration.ofMinutes(2));
        Object problem = evaluate("document.querySelector('main .problem') ?"
                + " document.querySelector('main .problem').textContent : null");
        if (problem != null) {
            throw new IllegalStateException(url + " rendered a problem: " + problem);
        }
        Object bytes = evaluate("performance.getEntriesByType('navigation').concat(performance"
                + ".getEntriesByType('resource')).reduce((sum, e) => sum + (e.transferSize || 0), 0)");
        return new Render(((Number) at).doubleValue(), ((Number) bytes).longValue());
    }

    private Object waitFor(String expression, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Object value = evaluate(expression);
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("waited " + timeout + " for " + expression);
    }

    @Override
    public void close() throws IOException {
        page.abort();
        chromium.destroy();
        try {
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // chromium's helper processes may still be writing into the profile for a moment after the browser exits
        for (int attempt = 1; ; attempt++) {
            try {
                Benchmark.deleteTree(profile);
                return;
            } catch (UncheckedIOException | IOException stillWritten) {
                if (attempt == 5) {
                    System.out.println("could not remove chromium's profile " + profile + ": " + stillWritten);
                    return;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
