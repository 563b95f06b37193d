package dev.gaday.ws.probe;

import dev.gaday.common.http.TlsFailures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLException;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.Handshakedata;

/**
 * One connection attempt and, if it opens, the session after it, driven through Java-WebSocket's
 * protocol engine ({@link WebSocketImpl} with {@link Draft_6455} in client role: handshake
 * request and validation, framing, ping/pong, close handshake).
 *
 * <p>The library's {@code WebSocketClient} is not used: it starts a write thread per connection
 * and hands the upgrade request to it through a queue, thread starts and switches that counted
 * as reconnect latency but were the monitor's own overhead. Here the probe's own thread connects,
 * writes the upgrade request, reads the answer (and, with a proof of life, the reply), and later
 * reads the open connection while it holds it, all with blocking I/O bounded by
 * {@code SO_TIMEOUT}. No other thread reads the socket, so a forced reset wakes nobody. Writes go
 * straight to the socket.
 *
 * <p>Every attempt gets its own session: a late callback of an old session lands on the old
 * object, which the probe no longer looks at.
 */
final class ProbeSession extends WebSocketAdapter {
    private static final int PROBE_READ_BUFFER_BYTES = 16 * 1024;

    private final ProbeSettings settings;
    private final BoundedSocketFactory sockets;
    private final WebSocketImpl engine;
    private final Object writeLock = new Object();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch answered = new CountDownLatch(1);
    private volatile Socket socket;
    private OutputStream out;
    private InputStream in;
    /** Allocated on connect: a thousand prepared sessions waiting for the next cycle should not hold 16 MB. */
    private byte[] readBuffer;
    /** Why the upgrade request could not be built; null when it was. */
    private final InvalidDataException requestError;

    private volatile long openNanos;
    private volatile long answerNanos;
    private volatile long closeNanos;
    private volatile boolean closedByUs;
    private volatile boolean closedRemotely;
    private volatile int closeCode;
    private volatile Exception error;
    private volatile boolean messageTooLarge;
    private boolean timedOut;

    ProbeSession(ProbeSettings settings) {
        this.settings = settings;
        this.sockets = new BoundedSocketFactory(settings);
        // The frame and message cap: without it a server that announces a 2 GiB frame makes the engine
        // allocate 2 GiB. A larger frame (or message) closes the session with 1009 "message too big".
        this.engine = new WebSocketImpl(this, new Draft_6455(List.of(), settings.maxMessageBytes()));
        // The upgrade request (with its fresh key) is built now, before the disconnect, and waits
        // in the engine's queue until the socket is connected: the bare-socket baseline also
        // prepares its request before its clock starts.
        InvalidDataException failed = null;
        try {
            engine.startHandshake(upgradeRequest(settings));
        } catch (InvalidDataException e) {
            failed = e;
        }
        this.requestError = failed;
    }

    /** The upgrade request as WebSocketClient builds it: path and query, Host, the extra headers. */
    private static HandshakeImpl1Client upgradeRequest(ProbeSettings settings) {
        String path = settings.uri().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (settings.uri().getRawQuery() != null) {
            path += "?" + settings.uri().getRawQuery();
        }
        int defaultPort = settings.secure() ? WebSocketImpl.DEFAULT_WSS_PORT : WebSocketImpl.DEFAULT_PORT;
        HandshakeImpl1Client handshake = new HandshakeImpl1Client();
        handshake.setResourceDescriptor(path);
        handshake.put("Host", settings.uri().getHost() + (settings.port() == defaultPort ? "" : ":" + settings.port()));
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            handshake.put(header.getKey(), header.getValue());
        }
        return handshake;
    }

    /**
     * Connects (TCP, TLS) and performs the upgrade on the calling thread, everything bounded by
     * {@code deadlineNanos}; true when the connection opened. After false, {@link #timedOut()} and
     * {@link #failureReason()} say why.
     */
    boolean open(long deadlineNanos) {
        try {
            if (requestError != null) {
                throw requestError;
            }
            Socket connected = sockets.connect(deadlineNanos);
            socket = connected;
            connected.setReceiveBufferSize(PROBE_READ_BUFFER_BYTES);
            out = connected.getOutputStream();
            in = connected.getInputStream();
            readBuffer = new byte[PROBE_READ_BUFFER_BYTES];
            onWriteDemand(engine);
            readUntil(engine::isOpen, deadlineNanos);
        } catch (SocketTimeoutException e) {
            timedOut = true;
        } catch (IOException | InvalidDataException | RuntimeException e) {
            if (error == null) {
                error = e;
            }
            engine.closeConnection(CloseFrame.NEVER_CONNECTED, String.valueOf(e.getMessage()));
        }
        // opened, even if the server closed it in the same breath (the probe reports that apart)
        return opened();
    }

    /**
     * Sends the proof of life and reads on the calling thread until the answer came; false when
     * the connection closed first or the deadline passed.
     */
    boolean prove(long deadlineNanos) {
        try {
            if (settings.send() != null) {
                engine.send(settings.send());
            } else if (settings.ping()) {
                engine.sendPing();
            }
            return readUntil(() -> answered.getCount() == 0, deadlineNanos);
        } catch (IOException | WebsocketNotConnectedException e) {
            return false;
        }
    }

    /**
     * Reads and decodes until {@code done}, the end of the connection, or the deadline
     * (SocketTimeoutException). False when the connection ended.
     */
    private boolean readUntil(BooleanSupplier done, long deadlineNanos) throws IOException {
        try {
            while (!done.getAsBoolean()) {
                if (engine.isClosing() || engine.isClosed() || engine.isFlushAndClose()) {
                    engine.eot();
                    return false;
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw new SocketTimeoutException("deadline passed");
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
                int n = in.read(readBuffer);
                if (n < 0) {
                    engine.eot();
                    return false;
                }
                engine.decode(ByteBuffer.wrap(readBuffer, 0, n));
            }
            return true;
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (e instanceof SSLException && error == null) {
                error = e;
            }
            engine.eot();
            throw e;
        }
    }

    /**
     * Reads the open connection on the calling thread until it closes or {@code deadlineNanos}
     * passes; true when it closed. Frames go to the engine, which answers pings and completes a
     * close handshake either side started.
     */
    boolean readUntilClosed(long deadlineNanos) {
        try {
            while (!hasClosed()) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (remainingMillis <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
                int n = in.read(readBuffer);
                if (n < 0) {
                    engine.eot();
                } else {
                    engine.decode(ByteBuffer.wrap(readBuffer, 0, n));
                }
                if (messageTooLarge && !hasClosed()) {
                    // The engine refused an oversized frame: the session is over, whatever the server does next.
                    engine.eot();
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            engine.eot();
        } catch (RuntimeException e) {
            engine.closeConnection(CloseFrame.ABNORMAL_CLOSE, String.valueOf(e.getMessage()));
        }
        return hasClosed();
    }

    @Override
    public void onWebsocketOpen(WebSocket conn, Handshakedata handshake) {
        openNanos = System.nanoTime();
    }

    @Override
    public void onWebsocketMessage(WebSocket conn, String message) {
        if (settings.send() != null
                && (settings.expect() == null
                        || settings.expect().matcher(message).find())) {
            markAnswered();
        }
    }

    @Override
    public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
        // probes send text; binary replies prove nothing
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
    public void onWebsocketClose(WebSocket conn, int code, String reason, boolean remote) {
        closeNanos = System.nanoTime();
        closeCode = code;
        closedRemotely = remote;
        closeSocket();
        closed.countDown();
    }

    @Override
    public void onWebsocketClosing(WebSocket conn, int code, String reason, boolean remote) {
        // the close handshake ends in onWebsocketClose
    }

    @Override
    public void onWebsocketCloseInitiated(WebSocket conn, int code, String reason) {
        // the close handshake ends in onWebsocketClose
        if (code == CloseFrame.TOOBIG) {
            messageTooLarge = true;
        }
    }

    @Override
    public void onWebsocketError(WebSocket conn, Exception e) {
        if (error == null) {
            error = e;
        }
    }

    /**
     * The engine queued frames: written at once, on the thread that produced them (before the
     * socket is connected, only the upgrade request is queued; {@link #open} sends it).
     */
    @Override
    public void onWriteDemand(WebSocket conn) {
        synchronized (writeLock) {
            if (out == null) {
                return;
            }
            ByteBuffer buffer;
            try {
                while ((buffer = engine.outQueue.poll()) != null) {
                    out.write(buffer.array(), 0, buffer.limit());
                }
                out.flush();
            } catch (IOException e) {
                engine.outQueue.clear();
                // the reader sees the broken connection and ends the session
            }
        }
    }

    @Override
    public InetSocketAddress getLocalSocketAddress(WebSocket conn) {
        Socket current = socket;
        return current == null ? null : (InetSocketAddress) current.getLocalSocketAddress();
    }

    @Override
    public InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
        Socket current = socket;
        return current == null ? null : (InetSocketAddress) current.getRemoteSocketAddress();
    }

    private void closeSocket() {
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
    }

    boolean opened() {
        return openNanos != 0;
    }

    boolean hasClosed() {
        return closed.getCount() == 0;
    }

    boolean timedOut() {
        return timedOut;
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

    /** A clean close: sends a close frame; the session ends when the server answers it. */
    void closeCleanly() {
        closedByUs = true;
        engine.close(CloseFrame.NORMAL);
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

    /** Whether the server sent a frame or message larger than --max-message-size (the session then ended). */
    boolean messageTooLarge() {
        return messageTooLarge;
    }

    /** Why an attempt that did not open failed, in a few words fit for a report. */
    String failureReason() {
        if (messageTooLarge) {
            return "message too large";
        }
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
            return "tls: " + TlsFailures.classify(e).words();
        }
        if (e instanceof InvalidDataException || closeCode == CloseFrame.PROTOCOL_ERROR) {
            return "handshake rejected";
        }
        if (closedRemotely || closeCode != 0) {
            return "closed during handshake";
        }
        return e == null
                ? "connection failed"
                : "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    Exception error() {
        return error;
    }
}
