package dev.gaday.ws.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Connects a probe's socket (and, for wss, establishes TLS) with every phase bounded: the TCP
 * connect by the connect timeout, the TLS handshake by the handshake timeout, both by the
 * attempt's deadline. It also times both phases. One per attempt: it remembers its socket so the
 * probe can reset it (no close frame) or abort an attempt that hangs.
 */
final class BoundedSocketFactory {
    private final ProbeSettings settings;
    private volatile Socket socket;
    private volatile boolean aborted;
    volatile long tcpStartNanos;
    volatile long tcpEndNanos;
    volatile long tlsEndNanos;

    BoundedSocketFactory(ProbeSettings settings) {
        this.settings = settings;
    }

    /** The connected (and TLS-established) socket; SocketTimeoutException when a phase took too long. */
    Socket connect(long deadlineNanos) throws IOException {
        Socket plain = new Socket();
        socket = plain;
        if (aborted) {
            plain.close();
            throw new IOException("attempt aborted");
        }
        plain.setTcpNoDelay(true);
        tcpStartNanos = System.nanoTime();
        plain.connect(
                new InetSocketAddress(settings.address(), settings.port()),
                timeoutMillis(settings.connectTimeout().toNanos(), deadlineNanos));
        tcpEndNanos = System.nanoTime();
        if (!settings.secure()) {
            return plain;
        }
        SSLContext context = settings.sslContext();
        SSLSocket tls = (SSLSocket)
                context.getSocketFactory().createSocket(plain, settings.uri().getHost(), settings.port(), true);
        socket = tls;
        if (aborted) {
            tls.close();
            throw new IOException("attempt aborted");
        }
        if (settings.verifyHostname()) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        tls.setSoTimeout(timeoutMillis(settings.handshakeTimeout().toNanos(), deadlineNanos));
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("TLS handshake timed out");
        }
        tlsEndNanos = System.nanoTime();
        return tls;
    }

    /** A socket timeout: the phase's own, cut to what is left until the deadline; at least 1 ms (0 is forever). */
    private static int timeoutMillis(long phaseNanos, long deadlineNanos) {
        long nanos = Math.min(phaseNanos, deadlineNanos - System.nanoTime());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }

    /** Resets the connection without a close frame (SO_LINGER 0 sends a TCP RST). */
    void abort() {
        aborted = true;
        Socket current = socket;
        if (current == null) {
            return;
        }
        try {
            if (!current.isClosed()) {
                current.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // already broken: closing is all that is left
        }
        try {
            current.close();
        } catch (IOException ignored) {
            // nothing more to do for a socket we are throwing away
        }
    }

    Long tlsNanos() {
        return settings.secure() && tlsEndNanos != 0 ? tlsEndNanos - tcpEndNanos : null;
    }
}
