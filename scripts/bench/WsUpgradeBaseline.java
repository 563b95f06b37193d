import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The peer ws-health's reconnect latency is held against: the least a client can do to get a
 * WebSocket connection back. Like ws-health's drop mode, each timed reconnect starts with the
 * reset of the previous connection (SO_LINGER 0, no close frame), then a TCP connect, the HTTP
 * upgrade request, and ends when the 101 answer has been read. One thread, blocking I/O, no
 * WebSocket library. Run with the JDK's source launcher:
 * java WsUpgradeBaseline.java HOST PORT ITERATIONS
 */
public class WsUpgradeBaseline {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        SecureRandom random = new SecureRandom();
        long[] nanos = new long[iterations];
        byte[] buffer = new byte[4096];
        Socket previous = null;
        for (int i = 0; i < iterations; i++) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            String request = "GET /ws HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                    + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            long start = System.nanoTime();
            if (previous != null) {
                previous.setSoLinger(true, 0);
                previous.close();
            }
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            while (response.indexOf("\r\n\r\n") < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IllegalStateException("connection closed during the upgrade");
                }
                response.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
            nanos[i] = System.nanoTime() - start;
            if (!response.toString().startsWith("HTTP/1.1 101")) {
                throw new IllegalStateException("no upgrade: " + response.toString().lines().findFirst().orElse(""));
            }
            previous = socket;
        }
        previous.setSoLinger(true, 0);
        previous.close();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double avg = Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
        System.out.printf("%.3f %.3f %.3f%n", p50, avg, p99);
    }
}
