package org.accord.app.embedded;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB API of the embedded mode: mongo-java-server on loopback, serving the read-model file. It can be
 * started again on the same port over the file opened afresh ({@link #restartFromLastSave}), which the MongoDB
 * driver's clients reconnect to by themselves.
 */
public final class ReadModelServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelServer.class);

    private final ReadModelFile file;
    private final int port;
    private volatile MongoServer server;

    ReadModelServer(ReadModelFile file, int port) {
        this.file = file;
        this.server = new MongoServer(new H2Backend(file.store()));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        this.port = address.getPort(); // a port picked at random (0) is kept for every restart
        log.info("Read models served by mongo-java-server at {}", address);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    ReadModelFile file() {
        return file;
    }

    /**
     * Stops serving, opens the file again at its last save and serves it on the same port.
     *
     * @throws RuntimeException when the file cannot be opened or the port bound yet; try again later
     */
    synchronized void restartFromLastSave() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
        file.reopen();
        MongoServer restarted = new MongoServer(new H2Backend(file.store()));
        restarted.bind("127.0.0.1", port);
        server = restarted;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
