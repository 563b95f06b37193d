package dev.gaday.testkit.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LiveExporterTest {
    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void countersFollowTheClockAndTheIncident() {
        MovingClock clock = new MovingClock();
        try (LiveExporter exporter =
                LiveExporter.builder().clock(clock).service("api", 20, 0.05).start()) {
            clock.now = clock.now.plusSeconds(10);
            assertArrayEquals(new long[] {200, 10}, exporter.totals("api"));
            exporter.startIncident("api", 0.5);
            clock.now = clock.now.plusSeconds(10);
            assertArrayEquals(new long[] {400, 110}, exporter.totals("api"));
            exporter.endIncident("api");
            clock.now = clock.now.plus(Duration.ofMillis(500));
            assertArrayEquals(new long[] {410, 110}, exporter.totals("api"));
            String text = exporter.render();
            assertTrue(
                    text.contains("http_requests_total{service=\"api\",instance=\"api-0:8080\",method=\"GET\","
                            + "status=\"500\"} 110\n"),
                    text);
            // 210 fast requests within 50 ms, 200 slow ones in (1, 2.5].
            assertTrue(text.contains(",le=\"0.05\"} 210\n"), text);
            assertTrue(text.contains(",le=\"1\"} 210\n"), text);
            assertTrue(text.contains(",le=\"2.5\"} 410\n"), text);
            assertTrue(text.contains(",le=\"+Inf\"} 410\n"), text);
            // The process metrics: a steady 256 MiB, and 0.5 ms of CPU per request served (410 so far).
            assertTrue(
                    text.contains("process_resident_memory_bytes{service=\"api\",instance=\"api-0:8080\"} 268435456\n"),
                    text);
            String cpu = text.lines()
                    .filter(l -> l.startsWith("process_cpu_seconds_total{service=\"api\""))
                    .findFirst()
                    .orElseThrow();
            assertEquals(0.205, Double.parseDouble(cpu.substring(cpu.lastIndexOf(' ') + 1)), 1e-9);
        }
    }

    @Test
    void servesMetricsOverHttpOnLoopback() throws Exception {
        try (LiveExporter exporter = LiveExporter.builder().service("api", 5, 0).start()) {
            assertTrue(exporter.target().startsWith("127.0.0.1:"));
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(exporter.url())).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("# TYPE http_requests_total counter"), response.body());
        }
    }
}
