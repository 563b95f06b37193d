package dev.gaday.ws.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket echo server with chaos switches, to rehearse monitoring and to test ws-health
 * against a real server. Refusals reject the upgrade (never {@code onConnect = false}, which
 * would stop the server from accepting for good).
 */
public final class EchoChaosServer extends WebSocketServer {
    /** Handshake delays park decoder threads, so a delaying server gets more of them. */
    private static final int DELAYING_DECODERS = 32;

    private final ChaosSettings chaos;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final ScheduledExecutorService drops = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ws-serve-drops");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger closedWithFrame = new AtomicInteger();
    private final AtomicInteger closedAbnormally = new AtomicInteger();
    private volatile String lastAuthorization;
    private volatile long startNanos;
    private volatile Exception startFailure;

    public EchoChaosServer(InetSocketAddress address, ChaosSettings chaos, SSLContext tls) {
        super(
                address,
                chaos.handshakeDelay().isZero() ? Runtime.getRuntime().availableProcessors() : DELAYING_DECODERS);
        this.chaos = chaos;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
        setMaxPendingConnections(4096);
        setConnectionLostTimeout(chaos.lostConnectionTimeoutSeconds());
        if (tls != null) {
            setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
    }

    /** Starts and waits until the port is bound. */
    public EchoChaosServer startAndWait(Duration timeout) throws IOException, InterruptedException {
        start();
        boolean ready = started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Exception failure = startFailure;
        if (!ready || failure != null) {
            throw new IOException(
                    "server did not start: " + (failure == null ? "timed out" : failure.getMessage()), failure);
        }
        return this;
    }

    /** Stops within {@code timeout}, releasing handshakes that are being delayed. */
    public void stopQuietly(Duration timeout) {
        stopping.countDown();
        drops.shutdownNow();
        try {
            stop((int) timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bound port (useful with port 0). */
    public int boundPort() {
        return getPort();
    }

    @Override
    public void onStart() {
        startNanos = System.nanoTime();
        started.countDown();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(
            WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        if (refusing()) {
            refused.incrementAndGet();
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "refused: inside the chaos refusal window");
        }
        if (!chaos.handshakeDelay().isZero()) {
            try {
                stopping.await(chaos.handshakeDelay().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    private boolean refusing() {
        if (chaos.refuseAfter() == null) {
            return false;
        }
        long sinceStart = System.nanoTime() - startNanos;
        long from = chaos.refuseAfter().toNanos();
        if (sinceStart < from) {
            return false;
        }
        long intoWindow = chaos.refuseEvery() == null
                ? sinceStart - from
                : (sinceStart - from) % chaos.refuseEvery().toNanos();
        return intoWindow < chaos.refuseFor().toNanos();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        opened.incrementAndGet();
        lastAuthorization = handshake.hasFieldValue("Authorization") ? handshake.getFieldValue("Authorization") : null;
        if (chaos.dropAfter() != null) {
            drops.schedule(() -> drop(conn), chaos.dropAfter().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void drop(WebSocket conn) {
        if (!conn.isOpen()) {
            return;
        }
        dropped.incrementAndGet();
        if (chaos.dropWithCloseFrame()) {
            conn.close(CloseFrame.GOING_AWAY, "chaos: dropped after " + chaos.dropAfter());
            return;
        }
        ByteChannel channel = ((WebSocketImpl) conn).getChannel();
        if (channel instanceof SocketChannel socket) {
            try {
                socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException ignored) {
                // closing below still ends the connection, with a FIN instead of a reset
            }
        }
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "chaos: connection reset");
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
        if (chaos.answerPings()) {
            super.onWebsocketPing(conn, frame);
        }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.send(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // Drops scheduled for a closed connection find it closed: nothing to clean up, only to count.
        if (code == CloseFrame.ABNORMAL_CLOSE) {
            closedAbnormally.incrementAndGet();
        }
    }

    @Override
    public void onClosing(WebSocket conn, int code, String reason, boolean remote) {
        // Counted here, when the client's close frame arrives, not in onClose: how the TCP
        // teardown after it races with the server's own bookkeeping does not matter.
        if (remote) {
            closedWithFrame.incrementAndGet();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception e) {
        if (conn == null) {
            startFailure = e;
            started.countDown();
        }
    }

    public int openedConnections() {
        return opened.get();
    }

    public int refusedHandshakes() {
        return refused.get();
    }

    public int droppedConnections() {
        return dropped.get();
    }

    /** Close frames received from clients. */
    public int closedWithFrame() {
        return closedWithFrame.get();
    }

    /** Connections that ended without one (TCP reset or EOF). */
    public int closedAbnormally() {
        return closedAbnormally.get();
    }

    /** The Authorization header of the last upgrade that opened; for tests. */
    public String lastAuthorization() {
        return lastAuthorization;
    }

    /** Set when the server could not start (port taken...). */
    public Exception startFailure() {
        return startFailure;
    }
}
