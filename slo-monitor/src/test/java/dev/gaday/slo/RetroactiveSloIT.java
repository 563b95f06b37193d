package dev.gaday.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.slo.evaluate.SloRun;
import dev.gaday.slo.math.AlertRule;
import dev.gaday.slo.math.BurnRatePolicy;
import dev.gaday.slo.math.WindowCounts;
import dev.gaday.slo.spec.DefaultSlos;
import dev.gaday.slo.spec.SloDefinition;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.dataset.LowTrafficServices;
import dev.gaday.testkit.dataset.Manifest;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retroactive mode on a real Prometheus holding a generated 24-hour GA day (60 s step, 4 services, an
 * incident of 8 % errors for 45 minutes) plus an idle and a sparse service. Numbers are checked against the
 * generator's truths, and burn rates and alert times against Prometheus evaluating Sloth-style rule
 * expressions itself.
 */
class RetroactiveSloIT {
    private static final int SERVICES = 4;
    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    static Path temp;

    static PrometheusServer prometheus;
    static Manifest manifest;
    static CommandRun run;
    static SloStatus status;

    @BeforeAll
    static void evaluate() throws Exception {
        Dataset day = GaDayGenerator.builder()
                .hours(24)
                .step(STEP)
                .services(SERVICES)
                .build()
                .generate(temp.resolve("dataset"));
        prometheus = PrometheusServer.start(LowTrafficServices.addTo(day, STEP));
        manifest = day.manifest();
        run = CommandRun.of(
                new MonitorSlosCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--scrape-interval",
                "60s",
                "-o",
                temp.resolve("out").toString());
        status = Json.readFile(temp.resolve("out").resolve("slo_status.json"), SloStatus.class);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private static String incidentService() {
        return manifest.events().incident().service();
    }

    @Test
    void theIncidentFailsTheDayWithExitOne() {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("FAIL", status.status());
        assertEquals("slo-status", status.kind());
        assertEquals(2 * (SERVICES + 2), status.slos().size());
        assertFalse(status.partial());
        assertEquals(60, status.window().resolutionSeconds());
        // The run ends on stdout with the verdict, the failing SLOs of the incident's service first, and the file.
        List<String> lines = run.out().lines().toList();
        long failing = status.slos().stream()
                .filter(slo ->
                        slo.state().equals("BUDGET_EXHAUSTED") || slo.state().equals("PAGE"))
                .count();
        assertTrue(failing > 0, run.out());
        assertTrue(
                lines.get(0)
                        .matches(
                                "slo-monitor: (\u2718 )?FAIL - " + status.slos().size() + " SLOs: \\d+ OK, " + failing
                                        + " failing.*; " + status.violations().size() + " alert episodes?"),
                run.out());
        assertTrue(lines.get(1).matches("  (\u2718 )?FAIL  .* \\(service " + incidentService() + "\\): .*"), run.out());
        assertEquals("  files: " + temp.resolve("out").resolve("slo_status.json"), lines.get(lines.size() - 1));
    }

    @Test
    void formatJsonPrintsTheRunSummaryOnly() {
        CommandRun json = CommandRun.of(
                new MonitorSlosCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--scrape-interval",
                "60s",
                "-o",
                temp.resolve("out-json").toString(),
                "--format",
                "json");
        assertEquals(1, json.exitCode(), json.err());
        dev.gaday.common.cli.RunReport report = dev.gaday.common.cli.RunSummarySchema.report(json.out());
        assertEquals("slo-monitor", report.tool());
        assertEquals("FAIL", report.verdict());
        assertEquals("service " + incidentService(), report.findings().get(0).where());
    }

    @Test
    void wholeDayCountsAreTheGeneratorsTruth() {
        for (Map.Entry<String, Manifest.ServiceTruth> entry :
                manifest.truths().services().entrySet()) {
            Manifest.ServiceTruth truth = entry.getValue();
            SloResult availability = status.slo(entry.getKey() + "-availability");
            assertEquals(truth.totalRequests(), availability.total(), 1e-6, entry.getKey());
            assertEquals(truth.totalRequests() - truth.errors5xx(), availability.good(), 1e-6, entry.getKey());
            long withinOneSecond = truth.latencyBuckets().stream()
                    .filter(b -> b.upperBound() == 1.0)
                    .findFirst()
                    .orElseThrow()
                    .cumulativeCount();
            long all = truth.latencyBuckets()
                    .get(truth.latencyBuckets().size() - 1)
                    .cumulativeCount();
            SloResult latency = status.slo(entry.getKey() + "-latency");
            assertEquals(all, latency.total(), 1e-6, entry.getKey());
            assertEquals(withinOneSecond, latency.good(), 1e-6, entry.getKey());
            double ratio = truth.errors5xx() / (double) truth.totalRequests();
            assertEquals(100 * (1 - ratio / 0.001), availability.errorBudget().remainingPercent(), 1e-6);
            assertEquals(
                    0.001 * truth.totalRequests() - truth.errors5xx(),
                    availability.errorBudget().remainingEvents(),
                    1e-6);
        }
    }

    @Test
    void thePageFiresInsideTheIncidentAndNowhereElse() {
        Manifest.Incident incident = manifest.events().incident();
        SloResult hit = status.slo(incidentService() + "-availability");
        assertEquals("BUDGET_EXHAUSTED", hit.state(), hit.reason());
        List<SloViolation> pages = status.violations().stream()
                .filter(v -> v.severity().equals("page"))
                .toList();
        assertFalse(pages.isEmpty());
        assertTrue(pages.stream().anyMatch(v -> v.slo().equals(hit.name())));
        for (SloViolation page : pages) {
            assertTrue(page.slo().startsWith(incidentService() + "-"), page.toString());
            assertFalse(page.from().isBefore(incident.start()), page.toString());
            assertFalse(page.from().isAfter(incident.end()), page.toString());
            assertNotNull(page.to(), page.toString());
            // The page's short windows (4m, 5m) clear within minutes of the incident's end.
            assertFalse(page.to().isAfter(incident.end().plus(Duration.ofMinutes(6))), page.toString());
        }
        SloViolation availabilityPage = pages.stream()
                .filter(v -> v.slo().equals(hit.name()))
                .findFirst()
                .orElseThrow();
        // 8 % errors against a 0.1 % budget burn at about 80.
        assertTrue(availabilityPage.peakBurnRate() > 40, availabilityPage.toString());
        // The fastest page fires within its windows of the incident's start.
        assertFalse(availabilityPage.from().isAfter(incident.start().plus(Duration.ofMinutes(5))));
        for (SloViolation violation : status.violations()) {
            assertTrue(violation.slo().startsWith(incidentService() + "-"), violation.toString());
        }
    }

    @Test
    void healthyServicesKeepMostOfTheirBudget() {
        for (String service : manifest.truths().services().keySet()) {
            if (service.equals(incidentService())) {
                continue;
            }
            for (String kind : List.of("-availability", "-latency")) {
                SloResult slo = status.slo(service + kind);
                assertEquals("OK", slo.state(), slo.toString());
                assertTrue(slo.errorBudget().remainingPercent() > 25, slo.toString());
                assertTrue(slo.alerts().stream().allMatch(a -> a.firedAt().isEmpty() && !a.firing()), slo.toString());
            }
        }
    }

    @Test
    void anIdleServiceHasNoTrafficAndAnUntouchedBudget() {
        for (String kind : List.of("-availability", "-latency")) {
            SloResult idle = status.slo(LowTrafficServices.IDLE + kind);
            assertEquals("NO_TRAFFIC", idle.state(), idle.toString());
            assertEquals(0.0, idle.total());
            assertNull(idle.errorRatio());
            assertEquals(100.0, idle.errorBudget().remainingPercent());
        }
    }

    @Test
    void thirtyRequestsWithOneErrorAreInsufficientNotAPage() {
        SloResult sparse = status.slo(LowTrafficServices.SPARSE + "-availability");
        assertEquals("INSUFFICIENT", sparse.state(), sparse.toString());
        assertEquals(LowTrafficServices.SPARSE_REQUESTS, sparse.total(), 1e-9);
        assertEquals(LowTrafficServices.SPARSE_REQUESTS - 1, sparse.good(), 1e-9);
        assertEquals(70, sparse.minEvents());
        assertTrue(sparse.alerts().stream().allMatch(a -> a.firedAt().isEmpty()), sparse.toString());
        assertTrue(status.violations().stream().noneMatch(v -> v.slo().startsWith(LowTrafficServices.SPARSE)));
    }

    @Test
    void shortWindowsAreFlooredAtFourScrapeIntervals() {
        SloAlert fastest =
                status.slo(incidentService() + "-availability").alerts().get(0);
        assertEquals("5m", fastest.longWindow());
        assertEquals("4m", fastest.shortWindow());
        assertEquals(14.4, fastest.factor());
    }

    @Test
    void theFileRoundTripsThroughTheTypedRecords() throws Exception {
        String text = Files.readString(temp.resolve("out").resolve("slo_status.json"));
        assertEquals(text, Json.write(status));
    }

    // ---- The independent check: Prometheus computes the same burn rates from Sloth-style rule expressions.

    private static PrometheusClient client() {
        return new HttpPrometheusClient(PrometheusEndpoint.of(prometheus.url()));
    }

    private static String slothRatio(String service, Duration window) {
        String w = window.toSeconds() + "s";
        return "(sum(rate(http_requests_total{service=\"" + service + "\",status=~\"5..\"}[" + w + "]))"
                + " / sum(rate(http_requests_total{service=\"" + service + "\"}[" + w + "])))";
    }

    private static void assertRelativelyEqual(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(
                Math.abs(expected - actual) <= 1e-6 * scale + 1e-12,
                what + ": Prometheus " + expected + ", slo-monitor " + actual);
    }

    /** Sloth's latency SLI as a ratio rule: requests above the 1 s bucket over all requests. */
    private static String slothLatencyRatio(String service, Duration window) {
        String w = window.toSeconds() + "s";
        String all =
                "sum(rate(http_request_duration_seconds_bucket{service=\"" + service + "\",le=\"+Inf\"}[" + w + "]))";
        return "((" + all + " - sum(rate(http_request_duration_seconds_bucket{service=\"" + service + "\",le=\"1\"}["
                + w + "]))) / " + all + ")";
    }

    @Test
    void everyBurnRateEqualsPrometheusOwnSlothStyleRule() {
        String service = incidentService();
        List<SloDefinition> slos = DefaultSlos.forServices(List.of(service));
        Diagnostics quiet = new Diagnostics("test", new PrintWriter(new StringWriter()), -1);
        try (PrometheusClient client = client()) {
            SloRun sloRun = new SloRun(client, quiet, BurnRatePolicy.ga24h(), Duration.ofMinutes(4));
            for (SloDefinition slo : slos) {
                boolean latency = slo.name().endsWith("-latency");
                double budget = latency ? 0.01 : 0.001;
                java.util.function.Function<Duration, String> ratio =
                        w -> latency ? slothLatencyRatio(service, w) : slothRatio(service, w);
                SloRun.Observed observed = sloRun.observe(slo, manifest.start(), manifest.end(), STEP);
                int compared = 0;
                for (Map.Entry<Duration, WindowCounts[]> window :
                        observed.observations().windows().entrySet()) {
                    String rule = ratio.apply(window.getKey()) + " / " + budget;
                    Map<Instant, Double> expected = new HashMap<>();
                    for (QueryResult.Series series : client.queryRange(rule, manifest.start(), manifest.end(), STEP)
                            .series()) {
                        series.samples().forEach(s -> expected.put(s.time(), s.value()));
                    }
                    Instant[] times = observed.observations().times();
                    for (int i = 0; i < times.length; i++) {
                        Double prom = expected.get(times[i]);
                        double ours = window.getValue()[i].burnRate(budget);
                        if (prom == null || prom.isNaN()) {
                            assertTrue(Double.isNaN(ours), slo.name() + ": no traffic in Prometheus at " + times[i]);
                            continue;
                        }
                        assertRelativelyEqual(prom, ours, slo.name() + " " + window.getKey() + " at " + times[i]);
                        compared++;
                    }
                }
                assertTrue(compared > 6 * 1400, slo.name() + ": compared " + compared);
                // Sloth's period budget remaining (not its "optimised" average of ratios): 1 - ratio(24h) / budget.
                double remaining = 1 - sampleAtEnd(client, ratio.apply(Duration.ofHours(24)) + " / " + budget);
                assertRelativelyEqual(
                        remaining,
                        status.slo(slo.name()).errorBudget().remainingPercent() / 100,
                        slo.name() + " remaining budget");
            }
        }
    }

    /**
     * The file's burn-rate series (for charts) at a few points of each long window, the peak among them,
     * against Prometheus evaluating the same Sloth-style burn-rate expression at that time (instant queries).
     */
    @Test
    void burnRateSeriesPointsEqualPrometheusOwnEvaluationAtThoseTimes() {
        String service = incidentService();
        SloResult slo = status.slo(service + "-availability");
        dev.gaday.common.model.slo.SloBurnRateSeries series = slo.burnRateSeries();
        assertNotNull(series, "burnRateSeries of " + slo.name());
        assertEquals(manifest.start(), series.start());
        assertEquals(300, series.stepSeconds());
        assertEquals(289, series.points());
        assertEquals(
                slo.alerts().stream().map(SloAlert::longWindow).distinct().toList(),
                series.windows().stream()
                        .map(dev.gaday.common.model.slo.SloBurnRateSeries.Window::window)
                        .toList());
        int compared = 0;
        try (PrometheusClient client = client()) {
            for (dev.gaday.common.model.slo.SloBurnRateSeries.Window window : series.windows()) {
                List<Double> values = window.burnRates();
                int peak = 0;
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) != null && (values.get(peak) == null || values.get(i) > values.get(peak))) {
                        peak = i;
                    }
                }
                String rule =
                        slothRatio(service, dev.gaday.common.cli.DurationConverter.parse(window.window())) + " / 0.001";
                for (int i : new int[] {0, 97, 150, peak, values.size() - 1}) {
                    Instant at = series.at(i);
                    QueryResult.Vector vector = (QueryResult.Vector) client.query(rule, at);
                    if (vector.samples().isEmpty()
                            || Double.isNaN(vector.samples().get(0).sample().value())) {
                        assertNull(values.get(i), window.window() + ": no traffic in Prometheus at " + at);
                        continue;
                    }
                    assertNotNull(values.get(i), window.window() + " at " + at);
                    // The series keeps six significant digits: within half a unit of the sixth.
                    double prom = vector.samples().get(0).sample().value();
                    assertEquals(prom, values.get(i), 5e-6 * prom + 1e-12, window.window() + " series at " + at);
                    compared++;
                }
                // The incident shows: every window's peak exceeds the factor of the alert on that window.
                double factor = slo.alerts().stream()
                        .filter(a -> a.longWindow().equals(window.window()))
                        .mapToDouble(SloAlert::factor)
                        .max()
                        .orElseThrow();
                assertTrue(values.get(peak) > factor, window.window() + " peak " + values.get(peak));
            }
        }
        assertTrue(compared >= 4 * series.windows().size(), "compared " + compared);
    }

    private static double sampleAtEnd(PrometheusClient client, String promql) {
        QueryResult.Vector vector = (QueryResult.Vector) client.query(promql, manifest.end());
        return vector.samples().get(0).sample().value();
    }

    @Test
    void alertTimesEqualPrometheusEvaluatingTheAlertExpression() {
        String service = incidentService();
        SloResult slo = status.slo(service + "-availability");
        try (PrometheusClient client = client()) {
            for (SloAlert alert : slo.alerts()) {
                Duration longWindow = dev.gaday.common.cli.DurationConverter.parse(alert.longWindow());
                Duration shortWindow = dev.gaday.common.cli.DurationConverter.parse(alert.shortWindow());
                double threshold = alert.factor() * 0.001;
                // Sloth's alert: both windows above factor x budget (the min-events guard never bites at this traffic).
                String expression = "(" + slothRatio(service, longWindow) + " > " + threshold + ") and ("
                        + slothRatio(service, shortWindow) + " > " + threshold + ")";
                TreeSet<Instant> firingTimes = new TreeSet<>();
                for (QueryResult.Series series : client.queryRange(expression, manifest.start(), manifest.end(), STEP)
                        .series()) {
                    series.samples().forEach(s -> firingTimes.add(s.time()));
                }
                // Alerts are judged once their long window lies inside the GA window.
                firingTimes.removeIf(t -> t.isBefore(manifest.start().plus(longWindow)));
                List<Instant> fired = new ArrayList<>();
                List<Instant> resolved = new ArrayList<>();
                Instant previous = null;
                for (Instant t : firingTimes) {
                    if (previous == null || !t.equals(previous.plus(STEP))) {
                        if (previous != null) {
                            resolved.add(previous.plus(STEP));
                        }
                        fired.add(t);
                    }
                    previous = t;
                }
                if (previous != null && previous.isBefore(manifest.end())) {
                    resolved.add(previous.plus(STEP));
                }
                assertEquals(fired, alert.firedAt(), alert.toString());
                assertEquals(resolved, alert.resolvedAt(), alert.toString());
                if (alert.severity().equals(AlertRule.Severity.PAGE.id())) {
                    assertFalse(fired.isEmpty(), alert.toString());
                }
            }
        }
    }

    // ---- slos.yaml, check and import against the same server.

    private static String handWritten(String service) {
        return """
                slos:
                  - name: %1$s-availability
                    service: %1$s
                    objective: 99.9
                    sli:
                      events:
                        errors: sum(increase(http_requests_total{service="%1$s",status=~"5.."}[{{window}}]))
                        total: sum(increase(http_requests_total{service="%1$s"}[{{window}}]))
                  - name: %1$s-latency
                    service: %1$s
                    objective: 99
                    sli:
                      latency: {metric: http_request_duration_seconds, selector: 'service="%1$s"', threshold: 1}
                """
                .formatted(service);
    }

    private static SloStatus runWith(Path slos, String name) {
        Path out = temp.resolve("out-" + name);
        CommandRun result = CommandRun.of(
                new MonitorSlosCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--scrape-interval",
                "60s",
                "--slos",
                slos.toString(),
                "-o",
                out.toString());
        assertEquals(1, result.exitCode(), result.err());
        return Json.readFile(out.resolve("slo_status.json"), SloStatus.class);
    }

    /** Everything but the queries (which differ in spelling) must be equal. */
    private static void assertSameEvaluation(SloResult expected, SloResult actual) {
        assertEquals(expected.state(), actual.state(), actual.name());
        assertEquals(expected.total(), actual.total(), 1e-9 * expected.total(), actual.name());
        assertEquals(expected.good(), actual.good(), 1e-9 * expected.total(), actual.name());
        assertEquals(
                expected.errorBudget().remainingPercent(), actual.errorBudget().remainingPercent(), 1e-6);
        assertEquals(
                expected.alerts().stream().map(SloAlert::firedAt).toList(),
                actual.alerts().stream().map(SloAlert::firedAt).toList(),
                actual.name());
        assertEquals(
                expected.alerts().stream().map(SloAlert::resolvedAt).toList(),
                actual.alerts().stream().map(SloAlert::resolvedAt).toList(),
                actual.name());
        expected.burnRates()
                .forEach((window, rate) -> assertEquals(
                        rate, actual.burnRates().get(window), 1e-9 * Math.max(1, rate), actual.name() + " " + window));
    }

    @Test
    void handWrittenOpenSloAndSlothSpecsEvaluateAlike() throws Exception {
        String service = incidentService();
        Path handFile = temp.resolve("hand.yaml");
        Files.writeString(handFile, handWritten(service));
        SloStatus hand = runWith(handFile, "hand");
        for (String kind : List.of("-availability", "-latency")) {
            assertSameEvaluation(status.slo(service + kind), hand.slo(service + kind));
        }

        Path openSlo = temp.resolve("openslo.yaml");
        Files.writeString(
                openSlo,
                """
                apiVersion: openslo/v1
                kind: Service
                metadata: {name: %1$s}
                spec: {description: the incident service}
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: %1$s-availability}
                spec:
                  service: %1$s
                  timeWindow: [{duration: 1d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{displayName: non-5xx, target: 0.999}]
                  indicator:
                    metadata: {name: %1$s-non-5xx}
                    spec:
                      ratioMetric:
                        counter: true
                        bad: {metricSource: {type: Prometheus, spec: {query: 'http_requests_total{service="%1$s",status=~"5.."}'}}}
                        total: {metricSource: {type: Prometheus, spec: {query: 'http_requests_total{service="%1$s"}'}}}
                ---
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: %1$s-latency}
                spec:
                  service: %1$s
                  timeWindow: [{duration: 1d, isRolling: true}]
                  budgetingMethod: Occurrences
                  objectives: [{displayName: within 1 s, op: lte, value: 1, targetPercent: 99}]
                  indicator:
                    metadata: {name: %1$s-latency}
                    spec:
                      thresholdMetric:
                        metricSource: {type: Prometheus, spec: {query: 'http_request_duration_seconds{service="%1$s"}'}}
                """
                        .formatted(service));
        Path fromOpenSlo = temp.resolve("from-openslo.yaml");
        CommandRun imported = CommandRun.of(
                new MonitorSlosCommand(),
                "import",
                "--openslo",
                openSlo.toString(),
                "--output-file",
                fromOpenSlo.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        SloStatus viaOpenSlo = runWith(fromOpenSlo, "openslo");
        for (String kind : List.of("-availability", "-latency")) {
            assertSameEvaluation(hand.slo(service + kind), viaOpenSlo.slo(service + kind));
        }

        Path sloth = temp.resolve("sloth.yaml");
        Files.writeString(
                sloth,
                """
                version: "prometheus/v1"
                service: "%1$s"
                labels: {owner: "team"}
                slos:
                  - name: "availability"
                    objective: 99.9
                    description: "non-5xx requests"
                    sli:
                      events:
                        error_query: sum(rate(http_requests_total{service="%1$s",status=~"5.."}[{{.window}}]))
                        total_query: sum(rate(http_requests_total{service="%1$s"}[{{.window}}]))
                    alerting:
                      name: Availability
                      page_alert: {labels: {severity: page}}
                      ticket_alert: {labels: {severity: ticket}}
                """
                        .formatted(service));
        Path fromSloth = temp.resolve("from-sloth.yaml");
        imported = CommandRun.of(
                new MonitorSlosCommand(), "import", "--sloth", sloth.toString(), "--output-file", fromSloth.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertSameEvaluation(
                hand.slo(service + "-availability"), runWith(fromSloth, "sloth").slo(service + "-availability"));
    }

    @Test
    void checkPassesAGoodSpecAndNamesEachProblem() throws Exception {
        String service = incidentService();
        Path good = temp.resolve("check-good.yaml");
        Files.writeString(good, handWritten(service));
        CommandRun ok = CommandRun.of(
                new MonitorSlosCommand(),
                "check",
                "--slos",
                good.toString(),
                "--prometheus-url",
                prometheus.url(),
                "--at",
                manifest.end().toString());
        assertEquals(0, ok.exitCode(), ok.err() + ok.out());
        assertEquals(2, ok.out().lines().filter(l -> l.endsWith(": ok")).count(), ok.out());

        Path bad = temp.resolve("check-bad.yaml");
        Files.writeString(
                bad,
                handWritten(service).replace("threshold: 1}", "threshold: 0.3}")
                        + """
                  - name: typo
                    objective: 99
                    sli:
                      events:
                        errors: sum(increase(http_request_total{status=~"5.."}[{{window}}]))
                        total: sum(increase(http_request_total[{{window}}]))
                  - name: broken
                    objective: 99
                    sli:
                      events:
                        errors: sum(increase(http_requests_total{status=~"5.."}[{{window}}])
                        total: sum(increase(http_requests_total[{{window}}]))
                """);
        CommandRun problems = CommandRun.of(
                new MonitorSlosCommand(),
                "check",
                "--slos",
                bad.toString(),
                "--prometheus-url",
                prometheus.url(),
                "--at",
                manifest.end().toString());
        assertEquals(2, problems.exitCode(), problems.err());
        List<String> lines = problems.out().lines().toList();
        assertEquals(4, lines.size(), problems.out());
        assertTrue(lines.get(0).endsWith(": ok"), lines.get(0));
        assertTrue(
                lines.get(1).contains("0.3 s is not a bucket") && lines.get(1).contains("0.25, 0.5, 1"), lines.get(1));
        assertTrue(lines.get(2).startsWith("typo: total query returns no series"), lines.get(2));
        assertTrue(lines.get(3).startsWith("broken: errors query is rejected"), lines.get(3));
        assertEquals(1, problems.errLines().size(), problems.err());
    }

    @Test
    void aLatencyThresholdThatIsNotABucketIsBadInput() throws Exception {
        Path slos = temp.resolve("not-a-bucket.yaml");
        Files.writeString(slos, handWritten(incidentService()).replace("threshold: 1}", "threshold: 0.3}"));
        Path out = temp.resolve("out-not-a-bucket");
        CommandRun result = CommandRun.of(
                new MonitorSlosCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--slos",
                slos.toString(),
                "-o",
                out.toString());
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains("0.3 s is not a bucket of http_request_duration_seconds"), result.err());
        assertFalse(Files.exists(out.resolve("slo_status.json")));
    }

    @Test
    void aRejectedQueryIsQueryErrorExitFourAndNoSeriesIsNoData() throws Exception {
        Path slos = temp.resolve("errors.yaml");
        Files.writeString(
                slos,
                """
                slos:
                  - name: rejected
                    objective: 99
                    sli:
                      events:
                        errors: sum(increase(http_requests_total{status=~"5.."}[{{window}}])
                        total: sum(increase(http_requests_total[{{window}}]))
                  - name: absent
                    objective: 99
                    sli:
                      events:
                        errors: sum(increase(no_such_metric_total{status=~"5.."}[{{window}}]))
                        total: sum(increase(no_such_metric_total[{{window}}]))
                """);
        Path out = temp.resolve("out-errors");
        CommandRun result = CommandRun.of(
                new MonitorSlosCommand(),
                "--prometheus-url",
                prometheus.url(),
                "--ga-start",
                manifest.start().toString(),
                "--ga-end",
                manifest.end().toString(),
                "--slos",
                slos.toString(),
                "-o",
                out.toString());
        assertEquals(4, result.exitCode(), result.err());
        SloStatus written = Json.readFile(out.resolve("slo_status.json"), SloStatus.class);
        assertEquals("NO_DATA", written.status());
        assertEquals("QUERY_ERROR", written.slo("rejected").state());
        assertTrue(
                written.slo("rejected").reason().contains("bad_data")
                        || written.slo("rejected").reason().contains("parse error"),
                written.slo("rejected").reason());
        assertEquals("NO_DATA", written.slo("absent").state());
        assertNull(written.slo("absent").total());
    }
}
