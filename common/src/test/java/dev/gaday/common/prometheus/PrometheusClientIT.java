package dev.gaday.common.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.prometheus.PrometheusExtension;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client against a real Prometheus holding a generated 24-hour GA day (testkit's default test dataset:
 * 10 services at a 60 s step), checked against the generator's manifest.
 *
 * <p>The manifest's windows lie on the sample grid, so {@code increase(x[b-a])} at {@code b} sees samples at both
 * ends of its range and does not extrapolate: counts compare exactly, ratios within 1e-12 (docs/testkit.md).
 */
@ExtendWith(PrometheusExtension.class)
class PrometheusClientIT {

    private static final double RATIO_TOLERANCE = 1e-12;

    private static PrometheusServer server;
    private static Manifest manifest;
    private static PrometheusClient client;

    @BeforeAll
    static void connect(PrometheusServer prometheus, Manifest truth) {
        server = prometheus;
        manifest = truth;
        client = HttpPrometheusClient.create(prometheus.url());
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static String range(Instant from, Instant to) {
        return "[" + Duration.between(from, to).toSeconds() + "s]";
    }

    private static double single(QueryResult result) {
        QueryResult.Vector vector = assertInstanceOf(QueryResult.Vector.class, result);
        assertEquals(1, vector.samples().size(), "one series expected: " + vector);
        assertTrue(vector.warnings().isEmpty(), "warnings: " + vector.warnings());
        return vector.samples().get(0).sample().value();
    }

    @Test
    void incidentErrorRatioInsideTheIncidentWindow() {
        Manifest.IncidentTruth incident = manifest.truths().incident();
        String window = range(incident.start(), incident.end());
        String selector = "http_requests_total{service=\"" + incident.service() + "\"";
        QueryResult result = client.query(
                "sum(increase(" + selector + ",status=~\"5..\"}" + window + "))" + " / sum(increase(" + selector + "}"
                        + window + "))",
                incident.end());
        assertEquals(incident.errorRatio(), single(result), RATIO_TOLERANCE);
        QueryResult.Vector vector = (QueryResult.Vector) result;
        assertEquals(incident.end(), vector.samples().get(0).sample().time());
    }

    @Test
    void increaseAcrossTheCounterReset() {
        Manifest.CounterResetTruth reset = manifest.truths().counterReset();
        String selector = "http_requests_total{instance=\"" + reset.instance() + "\"}";
        double increase = single(client.query(
                "sum(increase(" + selector + range(reset.windowStart(), reset.windowEnd()) + "))", reset.windowEnd()));
        assertEquals(reset.increase(), increase, 0.0);
        double naive = single(client.query("sum(" + selector + ")", reset.windowEnd()))
                - single(client.query("sum(" + selector + ")", reset.windowStart()));
        assertTrue(naive < 0, "the raw counter drops across the reset: " + naive);
    }

    @Test
    void dailyTotalsPerServiceMatchTheManifest() {
        QueryResult.Vector vector = assertInstanceOf(
                QueryResult.Vector.class,
                client.query("sum by (service) (increase(http_requests_total[24h]))", manifest.end()));
        Map<String, Double> totals = new TreeMap<>();
        vector.samples().forEach(s -> totals.put(s.label("service"), s.sample().value()));
        Map<String, Double> expected = new TreeMap<>();
        manifest.truths().services().forEach((service, truth) -> expected.put(service, (double) truth.totalRequests()));
        assertEquals(expected, totals);
    }

    @Test
    void twentyFourHourRangeAtFiveSecondsIsSplitAndReturnsEveryPoint() {
        Instant start = manifest.start();
        Instant end = manifest.end();
        Duration step = Duration.ofSeconds(5);
        QueryResult.Matrix matrix = client.queryRange("sum(up{job=\"node\"})", start, end, step);
        assertEquals(1, matrix.series().size());
        List<QueryResult.Sample> samples = matrix.series().get(0).samples();
        assertEquals(17_281, samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(start.plus(step.multipliedBy(i)), samples.get(i).time(), "point " + i);
            assertEquals(2.0, samples.get(i).value(), "point " + i);
        }
        // One unsplit request is beyond what Prometheus answers: the client must have split it.
        IllegalStateException unsplit = assertThrows(
                IllegalStateException.class, () -> server.queryRange("sum(up{job=\"node\"})", start, end, step));
        assertTrue(unsplit.getMessage().contains("11,000 points"), unsplit.getMessage());
    }

    @Test
    void rangeQueryOverTheDownInstanceShowsTheGap() {
        Manifest.DownTruth down = manifest.truths().down();
        Duration step = Duration.ofSeconds(manifest.stepSeconds());
        QueryResult.Matrix matrix = client.queryRange(
                "up{instance=\"" + down.instance() + "\"} == 0", manifest.start(), manifest.end(), step);
        assertEquals(1, matrix.series().size());
        List<QueryResult.Sample> samples = matrix.series().get(0).samples();
        assertEquals(down.downSamples(), samples.size());
        assertEquals(down.firstDownSample(), samples.get(0).time());
        assertEquals(down.lastDownSample(), samples.get(samples.size() - 1).time());
    }

    @Test
    void labelValuesListEveryService() {
        List<String> services =
                client.labelValues("service", List.of("http_requests_total"), manifest.start(), manifest.end());
        assertEquals(
                manifest.services().stream()
                        .map(Manifest.Service::name)
                        .sorted()
                        .toList(),
                services.stream().sorted().toList());
    }

    @Test
    void scalarsAndSpecialValues() {
        QueryResult.Scalar nodes = assertInstanceOf(
                QueryResult.Scalar.class, client.query("scalar(count(up{job=\"node\"}))", manifest.end()));
        assertEquals(2.0, nodes.sample().value());
        QueryResult.Scalar nan = assertInstanceOf(QueryResult.Scalar.class, client.query("0/0", manifest.end()));
        assertTrue(Double.isNaN(nan.sample().value()));
        QueryResult.Scalar inf = assertInstanceOf(QueryResult.Scalar.class, client.query("1/0", manifest.end()));
        assertEquals(Double.POSITIVE_INFINITY, inf.sample().value());
    }

    @Test
    void selectorsAreStaleAfterTheDataset() {
        QueryResult.Vector later = assertInstanceOf(
                QueryResult.Vector.class, client.query("up", manifest.end().plus(Duration.ofMinutes(6))));
        assertTrue(later.samples().isEmpty(), "no sample within the 5-minute lookback: " + later);
    }

    @Test
    void badPromqlIsAnApiErrorNamingTheQuery() {
        PrometheusException e = assertThrows(PrometheusException.class, () -> client.query("sum(", manifest.end()));
        assertEquals(PrometheusException.Kind.API_ERROR, e.kind());
        assertEquals("bad_data", e.errorType());
        assertEquals(1, e.attempts(), "a 400 is never retried");
    }
}
