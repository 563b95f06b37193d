package dev.gaday.common.prometheus.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake source on 127.0.0.1 that answers every request with one {@link SourceFault}, or with an answer
 * of a given size ({@link #oversized}): the fixtures of the "broken sources" and "unbounded answers"
 * test classes. Close it after use.
 */
public final class FaultServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();

    private FaultServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fault-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.handle(exchange);
            } catch (IOException e) {
                // The client went away (e.g. it stopped reading at its size cap).
            }
        });
        server.start();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** Answers every request with {@code fault}. */
    public static FaultServer start(SourceFault fault) {
        try {
            return new FaultServer(exchange -> answer(exchange, fault));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers every request with a well-formed vector/matrix answer of about {@code bytes} bytes, sent in
     * chunks as it is made (the server never holds it whole).
     */
    public static FaultServer oversized(long bytes) {
        try {
            return new FaultServer(exchange -> streamLarge(exchange, bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers every instant query with one series labelled {@code labels} (value 1) and every range query
     * with no series: hostile label values (HTML, links, NUL, CR, U+202E) as they reach a report.
     */
    public static FaultServer labelled(java.util.Map<String, String> labels) {
        StringBuilder metric = new StringBuilder("{");
        labels.forEach((name, value) -> metric.append(metric.length() == 1 ? "" : ",")
                .append(jsonString(name))
                .append(':')
                .append(jsonString(value)));
        metric.append('}');
        try {
            return new FaultServer(exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("query_range")) {
                    answer(exchange, SourceFault.NO_SERIES);
                    return;
                }
                byte[] bytes = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
                                + metric + ",\"value\":[1700000000,\"1\"]}]}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void answer(HttpExchange exchange, SourceFault fault) throws IOException {
        if (fault == SourceFault.REDIRECT_302
                && exchange.getRequestURI().getPath().startsWith("/login")) {
            answer(exchange, SourceFault.HTML_LOGIN_PAGE);
            return;
        }
        if (fault == SourceFault.REDIRECT_302) {
            exchange.getResponseHeaders()
                    .add("Location", "/login?next=" + exchange.getRequestURI().getPath());
        }
        String body = fault.body != null ? fault.body : noSeries(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", fault.contentType);
        exchange.sendResponseHeaders(fault.status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String noSeries(HttpExchange exchange) {
        String type = exchange.getRequestURI().getPath().endsWith("query_range") ? "matrix" : "vector";
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"" + type + "\",\"result\":[]}}";
    }

    private static void streamLarge(HttpExchange exchange, long bytes) throws IOException {
        boolean range = exchange.getRequestURI().getPath().endsWith("query_range");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String head = "{\"status\":\"success\",\"data\":{\"resultType\":\"" + (range ? "matrix" : "vector")
                + "\",\"result\":[";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        long written = head.length();
        for (int i = 0; written < bytes; i++) {
            String element =
                    (i == 0 ? "" : ",") + "{\"metric\":{\"service\":\"s" + i + "\",\"pad\":\"" + "x".repeat(200)
                            + "\"}," + (range ? "\"values\":[[1700000000,\"1\"]]}" : "\"value\":[1700000000,\"1\"]}");
            byte[] chunk = element.getBytes(StandardCharsets.UTF_8);
            out.write(chunk);
            written += chunk.length;
        }
        out.write("]}}".getBytes(StandardCharsets.UTF_8));
    }
}
