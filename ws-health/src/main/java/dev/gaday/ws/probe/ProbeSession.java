package dev.gaday.ws.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One connection attempt and, if it opens, the session after it. A Java-WebSocket client cannot
 * be reused, so every attempt gets its own: a late callback of an old session then lands on
 * the old object, which the probe no longer looks at.
 */
final class ProbeSession extends WebSocketClient {
    private static final int PROBE_READ_BUFFER_BYTES = 16 * 1024;

    private final ProbeSettings settings;
    private final BoundedSocketFactory sockets;
    private final CountDownLatch settled = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch answered = new CountDownLatch(1);
    private volatile long openNanos;
    private volatile long answerNanos;
    private volatile long closeNanos;
    private volatile boolean closedByUs;
    private volatile boolean closedRemotely;
    private volatile int closeCode;
    private volatile Exception error;

    ProbeSession(ProbeSettings settings) {
        super(settings.uri(), settings.headers());
        this.settings = settings;
        this.sockets = new BoundedSocketFactory(settings);
        setSocketFactory(sockets);
        setTcpNoDelay(true);
        // The library's read buffer defaults to 64 KB per connection; probes exchange a few
        // bytes, and a thousand connections should not cost 64 MB of buffers.
        setReceiveBufferSize(PROBE_READ_BUFFER_BYTES);
        // The probe watches the connection itself; the library's lost-connection pings would
        // add traffic that the server's ping/pong chaos option is meant to control.
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        openNanos = System.nanoTime();
        settled.countDown();
    }

    @Override
    public void onMessage(String message) {
        if (settings.send() != null && (settings.expect() == null || settings.expect().matcher(message).find())) {
            markAnswered();
        }
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        if (settings.ping()) {
            markAnswered();
        }
    }

    private void markAnswered() {
        if (answered.getCount() > 0) {
            answerNanos = System.nanoTime();
            answered.countDown();
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeNanos = System.nanoTime();
        closeCode = code;
        closedRemotely = remote;
        closed.countDown();
        settled.countDown();
    }

    @Override
    public void onError(Exception e) {
        if (error == null) {
            error = e;
        }
    }

    /**
     * Starts the attempt on a pooled thread: {@link #connect()} would create a thread per attempt,
     * time that would count as reconnect latency but is the monitor's own overhead.
     */
    void start(java.util.concurrent.Executor readers) {
        readers.execute(this);
    }

    /** Waits until the attempt opened or failed; false when it did neither in time. */
    boolean awaitSettled(long nanos) throws InterruptedException {
        return settled.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    boolean awaitClosed(long nanos) throws InterruptedException {
        return closed.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    boolean awaitAnswer(long nanos) throws InterruptedException {
        return answered.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Sends the configured proof of life: the --send message, or a ping. */
    void prove() {
        if (settings.send() != null) {
            send(settings.send());
        } else if (settings.ping()) {
            sendPing();
        }
    }

    boolean opened() {
        return openNanos != 0;
    }

    boolean hasClosed() {
        return closed.getCount() == 0;
    }

    long openNanos() {
        return openNanos;
    }

    long answerNanos() {
        return answerNanos;
    }

    long closeNanos() {
        return closeNanos;
    }

    /** True when the server (or the network), not this probe, ended an open session. */
    boolean droppedByServer() {
        return opened() && hasClosed() && !closedByUs;
    }

    /** A clean close: sends a close frame. */
    void closeCleanly() {
        closedByUs = true;
        close();
    }

    /** An abrupt drop: TCP reset, no close frame. Also ends an attempt that hangs. */
    void abort() {
        closedByUs = true;
        sockets.abort();
    }

    long tcpConnectNanos() {
        return sockets.tcpEndNanos - sockets.tcpStartNanos;
    }

    Long tlsNanos() {
        return sockets.tlsNanos();
    }

    long upgradeNanos() {
        long upgradeStart = sockets.tlsEndNanos != 0 ? sockets.tlsEndNanos : sockets.tcpEndNanos;
        return openNanos - upgradeStart;
    }

    /** Why an attempt that did not open failed, in a few words fit for a report. */
    String failureReason(boolean timedOut) {
        if (timedOut) {
            if (sockets.tcpEndNanos == 0) {
                return "connect timeout";
            }
            return settings.secure() && sockets.tlsEndNanos == 0 ? "tls handshake timeout" : "handshake timeout";
        }
        Exception e = error;
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return "connection refused";
        }
        if (e instanceof SocketTimeoutException) {
            return sockets.tcpEndNanos == 0 ? "connect timeout" : "tls handshake timeout";
        }
        if (e instanceof SSLException) {
            return "tls error";
        }
        if (e instanceof InvalidHandshakeException || closeCode == 1002) {
            return "handshake rejected";
        }
        if (closedRemotely || closeCode != 0) {
            return "closed during handshake";
        }
        return e == null ? "connection failed" : "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    Exception error() {
        return error;
    }
}
