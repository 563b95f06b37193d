package dev.gaday.testkit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A WebSocket server that completes the upgrade properly and then misbehaves at the frame level: the
 * "hostile frames" fixture for any tool that reads WebSocket frames. It is a bare socket server (no
 * WebSocket library), so it can send what no library would: a frame header announcing 2 GiB, a
 * message fragmented past any sane size. Binds 127.0.0.1 on a free port; {@link #close()} stops it and
 * every connection.
 */
public final class HostileWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What the server sends after its 101 answer, on every connection. */
    public interface Behaviour {
        /** Written together with the 101 answer, in one write. */
        void afterUpgrade(OutputStream out) throws IOException;

        /** Then, on the live connection (after the client has had the answer): by default nothing. */
        default void later(OutputStream out) throws IOException, InterruptedException {}
    }

    private final ServerSocket serverSocket;
    private final Behaviour behaviour;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger upgrades = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private final boolean tls;

    private HostileWebSocketServer(Behaviour behaviour, SSLContext tlsContext, boolean needClientAuth)
            throws IOException {
        this.behaviour = behaviour;
        this.tls = tlsContext != null;
        if (tlsContext == null) {
            this.serverSocket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } else {
            SSLServerSocket secure = (SSLServerSocket)
                    tlsContext.getServerSocketFactory().createServerSocket(0, 200, InetAddress.getLoopbackAddress());
            secure.setNeedClientAuth(needClientAuth);
            this.serverSocket = secure;
        }
        this.acceptor = new Thread(this::acceptLoop, "hostile-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static HostileWebSocketServer start(Behaviour behaviour) throws IOException {
        return new HostileWebSocketServer(behaviour, null, false);
    }

    /** The same over TLS (wss://) with the server context's certificate; optionally requiring a client certificate. */
    public static HostileWebSocketServer startTls(Behaviour behaviour, SSLContext serverContext, boolean needClientAuth)
            throws IOException {
        return new HostileWebSocketServer(behaviour, serverContext, needClientAuth);
    }

    /** Nothing after the upgrade: the connection stays open and silent (a server that is merely idle). */
    public static Behaviour idle() {
        return out -> {};
    }

    /** After the upgrade, in the same write: a binary frame header announcing {@code length} bytes, then a few bytes. */
    public static Behaviour announceFrame(long length) {
        return out -> out.write(concat(frameHeader(0x82, length), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }

    /** A well-behaved upgrade, then, {@code delayMillis} later, a frame header announcing {@code length} bytes. */
    public static Behaviour announceFrameAfter(long delayMillis, long length) {
        return new Behaviour() {
            @Override
            public void afterUpgrade(OutputStream out) {}

            @Override
            public void later(OutputStream out) throws IOException, InterruptedException {
                Thread.sleep(delayMillis);
                out.write(frameHeader(0x82, length));
                out.flush();
            }
        };
    }

    /**
     * A binary message in {@code fragments} frames of {@code fragmentBytes} each (the first a binary frame
     * without FIN, then continuation frames), every frame itself small.
     */
    public static Behaviour fragmentedMessage(int fragments, int fragmentBytes) {
        return out -> {
            byte[] payload = new byte[fragmentBytes];
            for (int i = 0; i < fragments; i++) {
                int opcode = (i == 0 ? 0x02 : 0x00) | (i == fragments - 1 ? 0x80 : 0);
                out.write(frameHeader(opcode, fragmentBytes));
                out.write(payload);
            }
        };
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String url() {
        return (tls ? "wss" : "ws") + "://127.0.0.1:" + port() + "/ws";
    }

    /** How many upgrades the server answered. */
    public int upgrades() {
        return upgrades.get();
    }

    /** An unmasked server frame header: FIN/opcode byte, then the length in the shortest form. */
    public static byte[] frameHeader(int finAndOpcode, long length) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(finAndOpcode);
        if (length < 126) {
            header.write((int) length);
        } else if (length < 65_536) {
            header.write(126);
            header.write((int) (length >>> 8) & 0xff);
            header.write((int) length & 0xff);
        } else {
            header.write(127);
            for (int i = 7; i >= 0; i--) {
                header.write((int) (length >>> (8 * i)) & 0xff);
            }
        }
        return header.toByteArray();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                connections.add(socket);
                Thread handler = new Thread(() -> serve(socket), "hostile-ws-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String request = readRequestHead(in);
            String key = null;
            for (String line : request.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0
                        && line.substring(0, colon)
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .equals("sec-websocket-key")) {
                    key = line.substring(colon + 1).trim();
                }
            }
            if (key == null) {
                return;
            }
            String answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            // The answer and the hostile frames go out in one write: the client meets both in one read.
            ByteArrayOutputStream buffered = new ByteArrayOutputStream();
            buffered.write(answer.getBytes(StandardCharsets.US_ASCII));
            behaviour.afterUpgrade(buffered);
            upgrades.incrementAndGet();
            out.write(buffered.toByteArray());
            out.flush();
            behaviour.later(out);
            // Then hold the connection, discarding whatever the client sends, until it goes away.
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SocketException e) {
            // the client reset the connection: expected
        } catch (IOException e) {
            // a broken client connection ends this handler only
        } finally {
            connections.remove(socket);
        }
    }

    private static String readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() > 64 * 1024) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
