package dev.gaday.ws.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Hands Java-WebSocket a socket that is already connected (and, for wss, TLS-established), so
 * that the TCP connect and the TLS handshake each have a bound: the library bounds only the
 * connect. It also times both phases. One factory per attempt: it remembers its socket so the
 * probe can reset it (no close frame) or abort a hanging attempt.
 */
final class BoundedSocketFactory extends SocketFactory {
    private final ProbeSettings settings;
    private volatile Socket socket;
    private volatile boolean aborted;
    volatile long tcpStartNanos;
    volatile long tcpEndNanos;
    volatile long tlsEndNanos;

    BoundedSocketFactory(ProbeSettings settings) {
        this.settings = settings;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket plain = new Socket();
        socket = plain;
        if (aborted) {
            plain.close();
            throw new IOException("attempt aborted");
        }
        plain.setTcpNoDelay(true);
        tcpStartNanos = System.nanoTime();
        plain.connect(new InetSocketAddress(settings.address(), settings.port()),
                (int) Math.max(1, settings.connectTimeout().toMillis()));
        tcpEndNanos = System.nanoTime();
        if (!settings.secure()) {
            return plain;
        }
        SSLContext context = settings.sslContext();
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(plain, settings.uri().getHost(), settings.port(), true);
        socket = tls;
        if (settings.verifyHostname()) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        tls.setSoTimeout((int) Math.max(1, settings.handshakeTimeout().toMillis()));
        try {
            tls.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("TLS handshake timed out");
        }
        // The upgrade and the session after it are bounded by the probe, not by SO_TIMEOUT:
        // an idle but healthy connection must not time out.
        tls.setSoTimeout(0);
        tlsEndNanos = System.nanoTime();
        return tls;
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

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException();
    }
}
