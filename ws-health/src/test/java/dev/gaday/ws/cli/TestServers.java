package dev.gaday.ws.cli;

import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/** Real Java-WebSocket servers on loopback, on a free port. */
final class TestServers {
    static {
        // Surefire runs tests with -ea. Java-WebSocket 1.6.0's SSLSocketChannel2 has an assert
        // (processHandshake, line 195) that fails on a normal TLS write and kills the server's
        // selector; without -ea, as in production, the code runs on. Keep the library as shipped.
        org.java_websocket.WebSocket.class.getClassLoader().setPackageAssertionStatus("org.java_websocket", false);
    }

    private TestServers() {}

    /** Loads this class, and with it the assertion setting above. */
    static void init() {}

    static EchoChaosServer start(ChaosSettings chaos) throws Exception {
        return start(chaos, null);
    }

    static EchoChaosServer start(ChaosSettings chaos, SSLContext tls) throws Exception {
        EchoChaosServer server =
                new EchoChaosServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), chaos, tls);
        return server.startAndWait(Duration.ofSeconds(10));
    }

    static String url(EchoChaosServer server) {
        return "ws://127.0.0.1:" + server.boundPort() + "/ws";
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    static boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return true;
    }
}
