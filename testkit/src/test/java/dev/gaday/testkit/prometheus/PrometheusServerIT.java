package dev.gaday.testkit.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.testkit.dataset.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Prometheus with the default test dataset (24 h × 10 services at 60 s) answers PromQL with the
 * manifest's truths.
 *
 * <p>Why the comparisons are exact: each truth window {@code (a, b]} lies on the sample grid, so {@code increase(x[b-a])}
 * evaluated at {@code b} sees samples exactly at both ends of its range (Prometheus 2.x ranges include both ends).
 * Its extrapolation then adds nothing (the factor is range / sampled interval = 1), resets are handled by adding
 * the value before the drop, and all counts are integers below 2^53, which doubles add exactly.
 * Only the ratios are compared with a 1e-12 tolerance (division order).
 */
@ExtendWith(PrometheusExtension.class)
class PrometheusServerIT {

    private static final double RATIO_TOLERANCE = 1e-12;

    private final PrometheusServer prometheus;
    private final Manifest manifest;

    PrometheusServerIT(PrometheusServer prometheus, Manifest manifest) {
        this.prometheus = prometheus;
        this.manifest = manifest;
    }

    private static String range(Instant from, Instant to) {
        return "[" + Duration.between(from, to).toSeconds() + "s]";
    }

    @Test
    void servesTheDefaultTestDataset() {
        assertEquals(Duration.ofHours(24), Duration.between(manifest.start(), manifest.end()));
        assertEquals(60, manifest.stepSeconds());
        assertEquals(10, manifest.services().size());
        assertEquals(manifest.end(), prometheus.evaluationTime());
        assertTrue(prometheus.url().startsWith("http://127.0.0.1:"));
        assertTrue(prometheus.isRunning());
    }

    @Test
    void totalRequestsPerServiceMatchExactly() {
        Map<String, Double> totals = prometheus.vectorBy(
                "service", "sum by (service) (increase(http_requests_total[24h]))", prometheus.evaluationTime());
        Map<String, Double> errors = prometheus.vectorBy(
                "service",
                "sum by (service) (increase(http_requests_total{status=~\"5..\"}[24h]))",
                prometheus.evaluationTime());
        assertEquals(manifest.truths().services().keySet(), totals.keySet());
        manifest.truths().services().forEach((service, truth) -> {
            assertEquals(truth.totalRequests(), totals.get(service), 0.0, service);
            assertEquals(truth.errors5xx(), errors.get(service), 0.0, service);
        });
    }

    @Test
    void availabilityCountsOnly5xxAsFailures() {
        Map<String, Double> availability = prometheus.vectorBy(
                "service",
                "100 * (1 - sum by (service) (increase(http_requests_total{status=~\"5..\"}[24h]))"
                        + " / sum by (service) (increase(http_requests_total[24h])))",
                prometheus.evaluationTime());
        manifest.truths()
                .services()
                .forEach((service, truth) ->
                        assertEquals(truth.availabilityPercent(), availability.get(service), 1e-9, service));
        assertTrue(
                availability.get("checkout") < availability.get("search"),
                "the incident lowers checkout's availability");
    }

    @Test
    void incidentErrorRatioInsideTheIncidentWindow() {
        Manifest.IncidentTruth incident = manifest.truths().incident();
        String window = range(incident.start(), incident.end());
        String selector = "http_requests_total{service=\"" + incident.service() + "\"";
        double ratio = prometheus.singleValue(
                "sum(increase(" + selector + ",status=~\"5..\"}" + window + "))" + " / sum(increase(" + selector + "}"
                        + window + "))",
                incident.end());
        assertEquals(incident.errorRatio(), ratio, RATIO_TOLERANCE);
        assertTrue(ratio > 0.07, "ratio " + ratio);
    }

    @Test
    void incidentP99FallsInTheTrueBucket() {
        Manifest.IncidentTruth incident = manifest.truths().incident();
        double p99 = prometheus.singleValue(
                "histogram_quantile(0.99, sum by (le) (increase("
                        + "http_request_duration_seconds_bucket{service=\"" + incident.service() + "\"}"
                        + range(incident.start(), incident.end()) + ")))",
                incident.end());
        assertTrue(
                p99 > incident.p99LowerBound() && p99 <= incident.p99UpperBound(),
                "p99 " + p99 + " outside (" + incident.p99LowerBound() + ", " + incident.p99UpperBound() + "]");
        assertTrue(p99 > 1.0);
    }

    @Test
    void increaseAcrossTheCounterReset() {
        Manifest.CounterResetTruth reset = manifest.truths().counterReset();
        String selector = "http_requests_total{instance=\"" + reset.instance() + "\"}";
        double increase = prometheus.singleValue(
                "sum(increase(" + selector + range(reset.windowStart(), reset.windowEnd()) + "))", reset.windowEnd());
        assertEquals(reset.increase(), increase, 0.0);
        // The naive difference is wrong across the reset: that is what the truth guards against.
        double naive = prometheus.singleValue("sum(" + selector + ")", reset.windowEnd())
                - prometheus.singleValue("sum(" + selector + ")", reset.windowStart());
        assertEquals(reset.valueAtWindowEnd() - reset.valueAtWindowStart(), naive, 0.0);
        assertNotEquals(increase, naive);
    }

    @Test
    void upShowsTheDownInstance() {
        Manifest.DownTruth down = manifest.truths().down();
        String up = "up{instance=\"" + down.instance() + "\"}";
        assertEquals(
                manifest.samplesPerSeries(),
                prometheus.singleValue("count_over_time(" + up + "[24h])", prometheus.evaluationTime()));
        assertEquals(
                manifest.samplesPerSeries() - down.downSamples(),
                prometheus.singleValue("sum_over_time(" + up + "[24h])", prometheus.evaluationTime()));
        assertEquals(0.0, prometheus.singleValue(up, down.firstDownSample()));
        assertEquals(0.0, prometheus.singleValue(up, down.lastDownSample()));
        assertEquals(1.0, prometheus.singleValue(up, down.lastDownSample().plusSeconds(manifest.stepSeconds())));
        Map<String, Double> downNow = prometheus.vectorBy("instance", "up == 0", down.firstDownSample());
        assertEquals(Map.of(down.instance(), 0.0), downNow);
    }

    @Test
    void reconnectStormAndRedisRatios() {
        Manifest.WebsocketTruth ws = manifest.truths().websocket();
        Manifest.ReconnectStorm storm = manifest.events().reconnectStorm();
        String window = range(storm.start(), storm.end());
        assertEquals(
                ws.stormSuccessRatio(),
                prometheus.singleValue(
                        "sum(increase(websocket_reconnect_success_total" + window
                                + ")) / sum(increase(websocket_reconnect_attempts_total" + window + "))",
                        storm.end()),
                RATIO_TOLERANCE);
        assertEquals(
                ws.successRatio(),
                prometheus.singleValue(
                        "sum(increase(websocket_reconnect_success_total[24h]))"
                                + " / sum(increase(websocket_reconnect_attempts_total[24h]))",
                        prometheus.evaluationTime()),
                RATIO_TOLERANCE);
        Manifest.RedisTruth redis = manifest.truths().redis();
        assertEquals(
                redis.hitRatio(),
                prometheus.singleValue(
                        "sum(increase(redis_keyspace_hits_total[24h])) / (sum(increase("
                                + "redis_keyspace_hits_total[24h])) + sum(increase(redis_keyspace_misses_total[24h])))",
                        prometheus.evaluationTime()),
                RATIO_TOLERANCE);
    }

    @Test
    void alertsFireExactlyAsRecorded() {
        for (Manifest.Alert alert : manifest.alerts()) {
            String selector = "ALERTS{alertname=\"" + alert.alertname() + "\",severity=\"" + alert.severity() + "\"}";
            assertEquals(
                    alert.samples(),
                    prometheus.singleValue("count_over_time(" + selector + "[24h])", prometheus.evaluationTime()),
                    alert.alertname());
            assertEquals(1.0, prometheus.singleValue(selector, alert.firstSample()));
        }
        assertEquals(
                1,
                manifest.alerts().stream()
                        .filter(a -> a.severity().equals("critical"))
                        .count());
    }

    @Test
    void selectorsGoStaleFiveMinutesAfterTheLastSample() {
        // Two nodes, postgres, redis and the websocket gateway.
        assertEquals(
                5.0,
                prometheus.singleValue(
                        "count(up{job=\"node\"} or up{job=\"postgres\"} or up{job=\"redis\"}"
                                + " or up{job=\"ws-gateway\"})",
                        prometheus.evaluationTime()));
        JsonNode later = prometheus.query("up", prometheus.evaluationTime().plus(Duration.ofMinutes(6)));
        assertEquals(0, later.path("result").size(), "no sample within the 5-minute lookback: " + later);
    }

    @Test
    void rangeQueryReturnsEveryStep() {
        JsonNode matrix =
                prometheus.queryRange("sum(up{job=\"node\"})", manifest.start(), manifest.end(), Duration.ofMinutes(5));
        assertEquals(24 * 12 + 1, matrix.path("result").get(0).path("values").size());
    }

    @Nested
    class NestedClassesShareTheServer {
        @Test
        void sameServer(PrometheusServer nested) {
            assertSame(prometheus, nested);
        }
    }
}
