package dev.gaday.common.prometheus.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts TCP connections on 127.0.0.1 and never answers: an unresponsive source. Close it after use. */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public SilentServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            accepted.add(socket.accept());
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.size();
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
