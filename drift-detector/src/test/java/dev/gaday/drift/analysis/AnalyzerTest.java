package dev.gaday.drift.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.drift.Drift;
import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.drift.DriftWindow;
import dev.gaday.drift.collect.Samples;
import dev.gaday.drift.config.DriftConfig;
import dev.gaday.drift.config.DriftConfigLoader;
import dev.gaday.drift.config.MetricConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    private static final DriftConfig CONFIG = DriftConfigLoader.load(null);
    private static final Map<String, DriftWindow> WINDOWS = Map.of(
            "baseline", new DriftWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T02:00:00Z")),
            "current", new DriftWindow(Instant.parse("2026-01-01T02:00:00Z"), Instant.parse("2026-01-01T04:00:00Z")));

    private static MetricConfig metric(String name) {
        return CONFIG.metrics().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Samples gauge(long seed, int n, double level, double noise) {
        Random random = new Random(seed);
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 60L * i;
            values[i] = level * (1 + noise * random.nextGaussian());
        }
        return new Samples(times, values, null, n + 2);
    }

    private static Samples ratio(int n, double errorsPerStep, double totalPerStep) {
        long[] times = new long[n];
        double[] errors = new double[n];
        double[] totals = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 60L * i;
            errors[i] = errorsPerStep;
            totals[i] = totalPerStep;
        }
        return new Samples(times, errors, totals, n);
    }

    private static Check check(String metric, Samples baseline, Samples current) {
        return new Check(metric(metric), Map.of("service", "api"), "q", baseline, current, null);
    }

    private static DriftAnalysis analyze(String mode, List<Check> checks) {
        return Analyzer.analyze(mode, WINDOWS, CONFIG, 60, checks, Instant.parse("2026-01-01T04:00:00Z"), true);
    }

    @Test
    void unchangedMetricsPassWithFullScore() {
        List<Check> checks = new ArrayList<>();
        checks.add(check("error_ratio", ratio(120, 1, 100), ratio(120, 1, 100)));
        checks.add(check("latency_p95", gauge(1, 120, 0.2, 0.05), gauge(2, 120, 0.2, 0.05)));
        checks.add(check("memory_bytes", gauge(3, 120, 2e8, 0.01), gauge(4, 120, 2e8, 0.01)));
        DriftAnalysis a = analyze("compare", checks);
        assertEquals("PASS", a.status());
        assertEquals(100.0, a.canary().score());
        assertEquals(0, a.driftsDetected());
        assertEquals(2, a.drifts().get(1).test().missingBaseline(), "gaps are counted");
        for (Drift d : a.drifts()) {
            assertTrue(d.test().adjustedPValue() >= d.test().pValue(), d.metric());
        }
    }

    @Test
    void aCriticalSeverityDriftFailsCompareButOnlyLowersACanaryScore() throws Exception {
        List<Check> checks = List.of(
                check("error_ratio", ratio(120, 1, 100), ratio(120, 1, 100)),
                check("latency_p50", gauge(1, 120, 0.1, 0.05), gauge(2, 120, 0.1, 0.05)),
                check("latency_p95", gauge(3, 120, 0.2, 0.05), gauge(4, 120, 0.2, 0.05)),
                check("latency_p99", gauge(5, 120, 0.4, 0.05), gauge(6, 120, 0.4, 0.05)),
                check("cpu_cores", gauge(7, 120, 0.5, 0.05), gauge(8, 120, 0.5, 0.05)),
                check("memory_bytes", gauge(9, 120, 2e8, 0.01), gauge(10, 120, 2.6e8, 0.01)));
        DriftAnalysis compare = analyze("compare", checks);
        assertEquals("FAIL", compare.status());
        Drift memory = compare.drifts().get(5);
        assertEquals("High", memory.classification());
        assertEquals("critical", memory.severity());
        assertEquals(30, memory.changePercent(), 1);
        assertEquals(1, compare.criticalDrifts());
        assertEquals("memory", compare.mitigationActions().get(0).kind());

        DriftAnalysis roundTrip = dev.gaday.common.json.Json.mapper()
                .readValue(dev.gaday.common.json.Json.write(compare), DriftAnalysis.class);
        assertEquals(compare, roundTrip, "drift_analysis.json reads back as written");

        DriftAnalysis canary = analyze("canary", checks);
        // saturation 50 % × 20/90 of the weight (traffic has no check) + 100 % elsewhere = 88.89
        assertEquals(88.89, canary.canary().score(), 1e-9);
        assertEquals("MARGINAL", canary.status());
    }

    @Test
    void errorsOnACriticalMetricFailAndTooFewSamplesAreInsufficient() {
        List<Check> checks = List.of(
                new Check(metric("error_ratio"), Map.of(), "q", null, null, "bad_data: parse error"),
                check("latency_p95", gauge(1, 20, 0.2, 0.05), gauge(2, 20, 0.4, 0.05)));
        DriftAnalysis a = analyze("canary", checks);
        assertEquals("FAIL", a.status());
        assertEquals("Error", a.drifts().get(0).classification());
        assertEquals("Insufficient", a.drifts().get(1).classification());
        assertNull(a.drifts().get(0).test().pValue());
    }

    @Test
    void theReasonWritesEachSideInTheMetricsUnit() {
        DriftAnalysis a = analyze(
                "compare",
                List.of(
                        check("error_ratio", ratio(120, 1, 1000), ratio(120, 6, 1000)),
                        check("memory_bytes", gauge(3, 120, 2e8, 0.001), gauge(4, 120, 3e8, 0.001))));
        String errors = a.drifts().get(0).reason();
        assertTrue(errors.contains("rose 500.0 % (0.1% → 0.6%)"), errors);
        String memory = a.drifts().get(1).reason();
        assertTrue(memory.matches(".*rose 50\\.\\d % \\(200(\\.\\d)? MB → 300(\\.\\d)? MB\\).*"), memory);
    }

    @Test
    void aRiseFromZeroErrorsIsHigh() {
        DriftAnalysis a = analyze("canary", List.of(check("error_ratio", ratio(120, 0, 100), ratio(120, 0.5, 100))));
        Drift d = a.drifts().get(0);
        assertEquals("High", d.classification());
        assertEquals("fisher-exact", d.test().name());
        assertNull(d.changePercent());
        assertEquals("FAIL", a.status());
    }
}
