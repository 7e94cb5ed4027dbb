package io.wem.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between a service under test and the shared PostgreSQL server, so that a test can take "the database"
 * away from this one service without touching the server others use: {@link #cut()} closes every open connection
 * (the service sees an I/O error mid-session) and refuses new ones (closed during the startup handshake) until
 * {@link #restore()}. Use with {@code @QuarkusTestResource(value = DatabaseProxy.class, restrictToAnnotatedClass =
 * true)} and the service's datasource URL as the init arg {@code url}; it points the datasource at the proxy.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {
    private static final List<Socket> OPEN = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static volatile boolean down;
    private static ServerSocket server;
    private String target = "127.0.0.1";
    private int targetPort = 5432;
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        // e.g. database=wem_governance_test: the test database suffix of this run is appended like the services do
        database = initArgs.get("database") + System.getenv().getOrDefault("WEM_TEST_DB_SUFFIX", "");
        target = initArgs.getOrDefault("host", target);
        targetPort = Integer.parseInt(initArgs.getOrDefault("port", String.valueOf(targetPort)));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the database proxy's port", e);
        }
        down = false;
        Thread acceptor = new Thread(this::accept, "database-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/" + database);
    }

    /** Drops every open connection and refuses new ones: to the service, the database is gone. */
    public static void cut() {
        down = true;
        for (Socket s : OPEN) {
            closeQuietly(s);
        }
        OPEN.clear();
    }

    /** The database answers again. */
    public static void restore() {
        down = false;
    }

    /** Connections refused since the start (attempts made while {@link #cut()}). */
    public static int refused() {
        return REFUSED.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (down) {
                REFUSED.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(target, targetPort), 5_000);
                OPEN.add(client);
                OPEN.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                OPEN.remove(from);
                OPEN.remove(to);
            }
        }, "database-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void stop() {
        cut();
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // already closed
        }
    }
}
