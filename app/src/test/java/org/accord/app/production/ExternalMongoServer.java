package org.accord.app.production;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-API server in a JVM process of its own, on a loopback port: what the production profile talks to in the
 * tests that cannot start a real MongoDB. {@link #main} serves until its standard input closes, so it never outlives
 * the test JVM that started it.
 */
public final class ExternalMongoServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private ExternalMongoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server process with this JVM's class path and waits for it to say its port. */
    public static ExternalMongoServer start() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ExternalMongoServer.class.getName()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            InputStream out = process.getInputStream();
            StringBuilder line = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            StringBuilder seen = new StringBuilder();
            while (System.nanoTime() < deadline) {
                int c = out.read();
                if (c < 0) {
                    break;
                }
                if (c == '\n') {
                    seen.append(line).append('\n');
                    if (line.toString().startsWith("PORT ")) {
                        int port = Integer.parseInt(line.substring(5).trim());
                        drain(out);
                        return new ExternalMongoServer(process, port);
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("the MongoDB-API server process did not start:\n" + seen + line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the MongoDB-API server process", e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void drain(InputStream out) {
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(OutputStreamSink.INSTANCE);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "external-mongo-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** Serves on a free loopback port until standard input closes. */
    public static void main(String[] args) throws IOException {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        System.out.println("PORT " + address.getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // keep serving
        }
        server.shutdownNow();
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded: the server's log is not the test's business
        }
    }
}
