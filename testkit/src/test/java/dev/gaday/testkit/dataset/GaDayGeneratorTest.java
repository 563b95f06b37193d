package dev.gaday.testkit.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaDayGeneratorTest {

    private static final Duration STEP = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    private static Dataset dataset;

    @BeforeAll
    static void generate() {
        dataset = small(42).generate(tmp.resolve("a"));
    }

    private static GaDayGenerator small(long seed) {
        return GaDayGenerator.builder()
                .seed(seed)
                .hours(4)
                .services(3)
                .step(STEP)
                .build();
    }

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        Dataset again = small(42).generate(tmp.resolve("b"));
        assertEquals(dataset.manifest().files(), again.manifest().files());
        for (int i = 0; i < dataset.files().size(); i++) {
            assertArrayEquals(
                    Files.readAllBytes(dataset.files().get(i)),
                    Files.readAllBytes(again.files().get(i)),
                    "file " + dataset.files().get(i).getFileName());
        }
        assertArrayEquals(
                Files.readAllBytes(dataset.directory().resolve(GaDayGenerator.MANIFEST_FILE)),
                Files.readAllBytes(again.directory().resolve(GaDayGenerator.MANIFEST_FILE)));
    }

    @Test
    void anotherSeedWritesOtherNumbers() throws IOException {
        Dataset other = small(7).generate(tmp.resolve("c"));
        assertFalse(java.util.Arrays.equals(
                Files.readAllBytes(dataset.files().get(0)),
                Files.readAllBytes(other.files().get(0))));
        assertTrue(other.manifest().truths().services().get("checkout").totalRequests()
                != dataset.manifest().truths().services().get("checkout").totalRequests());
    }

    @Test
    void writesOneFilePerTwoHourWindowEachEndingWithEof() {
        assertEquals(
                List.of("ga-day-000.om", "ga-day-001.om"), dataset.manifest().files());
        long start = dataset.manifest().start().getEpochSecond();
        for (int i = 0; i < dataset.files().size(); i++) {
            List<String> lines = OpenMetricsText.lines(dataset.files().get(i));
            assertEquals("# EOF", lines.get(lines.size() - 1));
            assertEquals(1, lines.stream().filter(l -> l.equals("# EOF")).count());
            long windowStart = start + i * 7200L;
            for (String line : lines) {
                if (!line.startsWith("#")) {
                    long ts = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                    // The last file also holds the sample at the very end.
                    assertTrue(
                            ts >= windowStart
                                    && (ts < windowStart + 7200
                                            || i == dataset.files().size() - 1
                                                    && ts
                                                            == dataset.manifest()
                                                                    .end()
                                                                    .getEpochSecond()),
                            line);
                }
            }
        }
    }

    @Test
    void declaresEachFamilyOnceBeforeItsContiguousSamples() {
        for (Path file : dataset.files()) {
            Map<String, String> typeByFamily = new HashMap<>();
            Set<String> finishedFamilies = new HashSet<>();
            String current = null;
            for (String line : OpenMetricsText.lines(file)) {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.split(" ");
                    assertEquals(
                            null,
                            typeByFamily.put(parts[2], parts[3]),
                            "family declared twice in " + file + ": " + line);
                    if (current != null) {
                        finishedFamilies.add(current);
                    }
                    current = parts[2];
                } else if (!line.startsWith("#")) {
                    String name = line.substring(0, line.indexOf('{'));
                    String family = familyOf(name, typeByFamily);
                    assertNotNull(family, "sample before its # TYPE in " + file + ": " + line);
                    assertEquals(current, family, "samples of a family must be contiguous: " + line);
                    assertFalse(finishedFamilies.contains(family));
                }
            }
            // OpenMetrics: a counter family is declared without _total, its samples carry it.
            assertEquals("counter", typeByFamily.get("http_requests"));
            assertEquals("histogram", typeByFamily.get("http_request_duration_seconds"));
        }
    }

    private static String familyOf(String sampleName, Map<String, String> typeByFamily) {
        if (typeByFamily.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_total", "_bucket", "_sum", "_count")) {
            if (sampleName.endsWith(suffix)) {
                String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if (typeByFamily.containsKey(family)) {
                    return family;
                }
            }
        }
        return null;
    }

    @Test
    void everySeriesHasAscendingSecondTimestamps() {
        Map<String, Long> lastTimestamp = new HashMap<>();
        for (Path file : dataset.files()) {
            for (String line : OpenMetricsText.lines(file)) {
                if (line.startsWith("#")) {
                    continue;
                }
                int timeStart = line.lastIndexOf(' ');
                String series = line.substring(0, line.lastIndexOf(' ', timeStart - 1));
                String ts = line.substring(timeStart + 1);
                assertEquals(10, ts.length(), "timestamp in seconds: " + line);
                long t = Long.parseLong(ts);
                Long previous = lastTimestamp.put(series, t);
                assertTrue(previous == null || previous < t, "out of order: " + line);
            }
        }
        long expected = dataset.manifest().samplesPerSeries();
        assertEquals(4 * 60 + 1, expected);
    }

    @Test
    void usesTheContractLabelsAndNames() throws IOException {
        String text = Files.readString(dataset.files().get(0));
        for (String expected : List.of(
                "http_requests_total{job=\"checkout\",service=\"checkout\",instance=\"checkout-0:8080\",method=\"GET\",status=\"200\"}",
                "http_requests_total{job=\"payments\",service=\"payments\",instance=\"payments-1:8080\",method=\"POST\",status=\"404\"}",
                "http_request_duration_seconds_bucket{job=\"search\",service=\"search\",instance=\"search-1:8080\",le=\"+Inf\"}",
                "http_request_duration_seconds_sum{job=\"search\",service=\"search\",instance=\"search-0:8080\"}",
                "up{job=\"checkout\",service=\"checkout\",instance=\"checkout-1:8080\"} 1 ",
                "process_cpu_seconds_total{job=\"search\"",
                "process_resident_memory_bytes{job=\"checkout\"",
                "pg_stat_database_numbackends{job=\"postgres\",instance=\"postgres-0:9187\",datname=\"app\"}",
                "pg_settings_max_connections{job=\"postgres\"",
                "db_query_duration_seconds_bucket{job=\"postgres\",instance=\"postgres-0:9187\",le=\"0.001\"}",
                "redis_keyspace_hits_total{job=\"redis\"",
                "redis_keyspace_misses_total{job=\"redis\"",
                "redis_memory_used_bytes{job=\"redis\"",
                "redis_connected_clients{job=\"redis\"",
                "node_cpu_seconds_total{job=\"node\",instance=\"node-1:9100\",cpu=\"1\",mode=\"system\"}",
                "node_memory_MemTotal_bytes{job=\"node\"",
                "node_memory_MemAvailable_bytes{job=\"node\"",
                "node_network_receive_bytes_total{job=\"node\",instance=\"node-0:9100\",device=\"eth0\"}",
                "node_network_transmit_bytes_total{job=\"node\"",
                "websocket_reconnect_attempts_total{job=\"ws-gateway\",service=\"ws-gateway\"",
                "websocket_reconnect_success_total{job=\"ws-gateway\",service=\"ws-gateway\"")) {
            assertTrue(text.contains(expected), "missing " + expected);
        }
        String second = Files.readString(dataset.files().get(1));
        assertTrue(
                second.contains(
                        "ALERTS{alertname=\"HighErrorRate\",alertstate=\"firing\",severity=\"critical\",service=\"checkout\"} 1 "));
        assertTrue(second.contains(
                "ALERTS{alertname=\"WebsocketReconnectStorm\",alertstate=\"firing\",severity=\"warning\""));
        assertTrue(
                text.contains(
                        "ALERTS{alertname=\"InstanceDown\",alertstate=\"firing\",severity=\"warning\",instance=\"payments-1:8080\""));
    }

    @Test
    void manifestTotalsMatchTheWrittenCounters() {
        Manifest m = dataset.manifest();
        Map<String, List<OpenMetricsText.Sample>> requests =
                OpenMetricsText.integerSeries(dataset.files(), "http_requests_total");
        long from = m.start().getEpochSecond();
        long to = m.end().getEpochSecond();
        Map<String, long[]> byService = new HashMap<>();
        requests.forEach((series, samples) -> {
            long[] totals = byService.computeIfAbsent(OpenMetricsText.label(series, "service"), k -> new long[3]);
            long inc = OpenMetricsText.increase(samples, from, to);
            String status = OpenMetricsText.label(series, "status");
            totals[0] += inc;
            totals[1] += status.startsWith("5") ? inc : 0;
            totals[2] += status.equals("404") ? inc : 0;
        });
        assertEquals(m.truths().services().keySet(), byService.keySet());
        byService.forEach((service, totals) -> {
            Manifest.ServiceTruth truth = m.truths().services().get(service);
            assertEquals(totals[0], truth.totalRequests(), service);
            assertEquals(totals[1], truth.errors5xx(), service);
            assertEquals(totals[2], truth.clientErrors4xx(), service);
            assertEquals(100.0 * (1 - (double) totals[1] / totals[0]), truth.availabilityPercent(), 1e-9);
            // Histogram observations are the same requests.
            assertEquals(
                    totals[0],
                    truth.latencyBuckets()
                            .get(truth.latencyBuckets().size() - 1)
                            .cumulativeCount());
        });
    }

    @Test
    void incidentRaisesErrorsAndLatencyInsideItsWindowOnly() {
        Manifest m = dataset.manifest();
        Manifest.IncidentTruth incident = m.truths().incident();
        assertEquals("checkout", incident.service());
        assertEquals(Duration.ofMinutes(45), Duration.between(incident.start(), incident.end()));
        Map<String, List<OpenMetricsText.Sample>> requests =
                OpenMetricsText.integerSeries(dataset.files(), "http_requests_total");
        long total = 0;
        long errors = 0;
        for (var e : requests.entrySet()) {
            if (!"checkout".equals(OpenMetricsText.label(e.getKey(), "service"))) {
                continue;
            }
            long inc = OpenMetricsText.increase(
                    e.getValue(),
                    incident.start().getEpochSecond(),
                    incident.end().getEpochSecond());
            total += inc;
            errors += OpenMetricsText.label(e.getKey(), "status").startsWith("5") ? inc : 0;
        }
        assertEquals(total, incident.totalRequests());
        assertEquals(errors, incident.errors5xx());
        assertEquals((double) errors / total, incident.errorRatio(), 0);
        assertTrue(incident.errorRatio() > 0.07 && incident.errorRatio() < 0.09, "ratio " + incident.errorRatio());
        assertTrue(
                incident.p99LowerBound() >= 1.0,
                "p99 must exceed 1 s during the incident: " + incident.p99LowerBound());
        // Outside the incident, checkout is healthy: most of its 5xx come from the incident.
        Manifest.ServiceTruth whole = m.truths().services().get("checkout");
        double outsideRatio = (double) (whole.errors5xx() - errors) / (whole.totalRequests() - total);
        assertTrue(outsideRatio < 0.005, "error ratio outside the incident " + outsideRatio);
        double[] p99Whole =
                GaDayGenerator.p99Bucket(m.truths().services().get("search").latencyBuckets());
        assertTrue(p99Whole[1] <= 1.0, "a healthy service's p99 stays under 1 s");
    }

    @Test
    void deployResetsTheInstanceCountersAndTakesItDown() {
        Manifest m = dataset.manifest();
        Manifest.Deploy deploy = m.events().deploy();
        assertEquals("payments-1:8080", deploy.instance());
        Map<String, List<OpenMetricsText.Sample>> up = OpenMetricsText.integerSeries(dataset.files(), "up");
        List<OpenMetricsText.Sample> upSamples = up.entrySet().stream()
                .filter(e -> deploy.instance().equals(OpenMetricsText.label(e.getKey(), "instance")))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertEquals(m.samplesPerSeries(), upSamples.size());
        long downSamples = upSamples.stream().filter(s -> s.value() == 0).count();
        assertEquals(Duration.ofMinutes(5).toSeconds() / STEP.toSeconds(), downSamples);
        assertEquals(downSamples, m.truths().down().downSamples());

        Manifest.CounterResetTruth reset = m.truths().counterReset();
        Map<String, List<OpenMetricsText.Sample>> requests =
                OpenMetricsText.integerSeries(dataset.files(), "http_requests_total");
        long increase = 0;
        for (var e : requests.entrySet()) {
            if (deploy.instance().equals(OpenMetricsText.label(e.getKey(), "instance"))) {
                // No application samples while down, and the new process starts at 0.
                assertTrue(e.getValue().stream()
                        .noneMatch(s -> s.timestamp() >= deploy.downStart().getEpochSecond()
                                && s.timestamp() < deploy.downEnd().getEpochSecond()));
                assertEquals(
                        0,
                        e.getValue().stream()
                                .filter(s -> s.timestamp() == deploy.downEnd().getEpochSecond())
                                .findFirst()
                                .orElseThrow()
                                .value());
                increase += OpenMetricsText.increase(
                        e.getValue(),
                        reset.windowStart().getEpochSecond(),
                        reset.windowEnd().getEpochSecond());
            }
        }
        assertEquals(increase, reset.increase());
        assertTrue(reset.increase() > 0);
        // A naive difference of the summed counter is wrong (negative) across the reset.
        assertTrue(reset.valueAtWindowEnd() - reset.valueAtWindowStart() < 0);
        assertTrue(reset.valueBeforeReset() > reset.valueAtWindowStart());
    }

    @Test
    void reconnectStormDropsTheSuccessRatio() {
        Manifest.WebsocketTruth ws = dataset.manifest().truths().websocket();
        assertTrue(ws.stormSuccessRatio() < 0.8, "storm ratio " + ws.stormSuccessRatio());
        long calmAttempts = ws.attempts() - ws.stormAttempts();
        double calmRatio = (double) (ws.successes() - ws.stormSuccesses()) / calmAttempts;
        assertTrue(calmRatio > 0.97, "calm ratio " + calmRatio);
        Manifest.ReconnectStorm storm = dataset.manifest().events().reconnectStorm();
        double stormMinutes = Duration.between(storm.start(), storm.end()).toMinutes();
        double calmMinutes =
                Duration.between(dataset.manifest().start(), dataset.manifest().end())
                                .toMinutes()
                        - stormMinutes;
        assertTrue(
                ws.stormAttempts() / stormMinutes > 10 * calmAttempts / calmMinutes, "attempts jump during the storm");
    }

    @Test
    void alertsAreRecordedWithTheirSamples() {
        Manifest m = dataset.manifest();
        Manifest.Alert critical = m.alerts().stream()
                .filter(a -> a.severity().equals("critical"))
                .findFirst()
                .orElseThrow();
        assertEquals("HighErrorRate", critical.alertname());
        assertEquals(45 * 60 / STEP.toSeconds(), critical.samples());
        assertEquals(m.events().incident().start().plus(STEP), critical.firstSample());
        assertEquals(m.events().incident().end(), critical.lastSample());
        assertEquals(
                2,
                m.alerts().stream().filter(a -> a.severity().equals("warning")).count());
    }

    @Test
    void trafficHasADailyShape() {
        Dataset day = GaDayGenerator.builder()
                .hours(24)
                .services(2)
                .step(Duration.ofSeconds(300))
                .build()
                .generate(tmp.resolve("day"));
        Map<String, List<OpenMetricsText.Sample>> requests =
                OpenMetricsText.integerSeries(day.files(), "http_requests_total");
        long start = day.manifest().start().getEpochSecond();
        long night = 0;
        long afternoon = 0;
        for (var e : requests.entrySet()) {
            if (e.getKey().contains("instance=\"checkout-0:8080\"")) {
                night += OpenMetricsText.increase(e.getValue(), start + 2 * 3600, start + 4 * 3600);
                afternoon += OpenMetricsText.increase(e.getValue(), start + 14 * 3600, start + 16 * 3600);
            }
        }
        assertTrue(afternoon > 2 * night, "afternoon " + afternoon + " vs night " + night);
    }

    @Test
    void historyIsAQuietStretchBeforeTheWindowThatTheTruthLeavesOut() {
        Dataset withHistory = GaDayGenerator.builder()
                .hours(4)
                .services(3)
                .step(STEP)
                .history(Duration.ofHours(3))
                .build()
                .generate(tmp.resolve("history"));
        Manifest m = withHistory.manifest();
        assertEquals(dataset.manifest().start(), m.start(), "the GA window does not move");
        assertEquals(dataset.manifest().end(), m.end());
        long from = m.start().getEpochSecond();
        long to = m.end().getEpochSecond();
        Map<String, List<OpenMetricsText.Sample>> requests =
                OpenMetricsText.integerSeries(withHistory.files(), "http_requests_total");
        long firstSample = requests.values().stream()
                .mapToLong(samples -> samples.get(0).timestamp())
                .min()
                .orElseThrow();
        assertEquals(from - 3 * 3600, firstSample);
        long inWindow = 0;
        long before = 0;
        long errorsBefore = 0;
        for (var e : requests.entrySet()) {
            inWindow += OpenMetricsText.increase(e.getValue(), from, to);
            long increase = OpenMetricsText.increase(e.getValue(), firstSample, from);
            before += increase;
            errorsBefore += OpenMetricsText.label(e.getKey(), "status").startsWith("5") ? increase : 0;
        }
        long truth = m.truths().services().values().stream()
                .mapToLong(Manifest.ServiceTruth::totalRequests)
                .sum();
        assertEquals(inWindow, truth, "the truth counts the GA window only");
        assertTrue(before > 0, "the history serves traffic");
        // No incident before the window: the healthy 5xx ratio (0.06 %), far below the incident's 8 %.
        assertTrue(errorsBefore < before * 0.002, errorsBefore + " errors in " + before);
        assertTrue(
                m.alerts().stream().allMatch(a -> a.firstSample().getEpochSecond() > from),
                "no alert fires in the history");
        assertThrows(IllegalArgumentException.class, () -> GaDayGenerator.builder()
                .step(STEP)
                .history(Duration.ofSeconds(90))
                .build());
    }

    @Test
    void prometheusSelfMetricsCountTheSeriesAndSamplesWritten() {
        Dataset self = GaDayGenerator.builder()
                .hours(2)
                .services(2)
                .step(Duration.ofSeconds(300))
                .prometheusSelf(true)
                .build()
                .generate(tmp.resolve("self"));
        Map<Long, Long> linesAt = new HashMap<>();
        for (Path file : self.files()) {
            for (String line : OpenMetricsText.lines(file)) {
                if (!line.startsWith("#")) {
                    linesAt.merge(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)), 1L, Long::sum);
                }
            }
        }
        List<OpenMetricsText.Sample> head = OpenMetricsText.integerSeries(self.files(), "prometheus_tsdb_head_series")
                .get("prometheus_tsdb_head_series{job=\"prometheus\",instance=\"localhost:9090\"}");
        List<OpenMetricsText.Sample> appended = OpenMetricsText.integerSeries(
                        self.files(), "prometheus_tsdb_head_samples_appended_total")
                .values()
                .iterator()
                .next();
        assertEquals(linesAt.size(), head.size());
        long total = 0;
        for (int i = 0; i < head.size(); i++) {
            assertEquals(linesAt.get(head.get(i).timestamp()), head.get(i).value(), "series at " + i);
            total += head.get(i).value();
            assertEquals(total, appended.get(i).value(), "samples appended by " + i);
        }
        assertTrue(OpenMetricsText.integerSeries(self.files(), "up").keySet().stream()
                .anyMatch(k -> "prometheus".equals(OpenMetricsText.label(k, "job"))));
    }

    @Test
    void manifestRoundTripsThroughJson() {
        Dataset read = Dataset.read(dataset.directory());
        assertEquals(dataset.manifest(), read.manifest());
        assertEquals(dataset.files(), read.files());
        assertEquals(Instant.parse("2026-06-01T04:00:00Z"), read.evaluationTime());
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        var tooShort = assertThrows(
                IllegalArgumentException.class,
                () -> GaDayGenerator.builder().hours(1).build());
        assertTrue(tooShort.getMessage().contains("at least 2h"), tooShort.getMessage());
        var fractional = assertThrows(
                IllegalArgumentException.class,
                () -> GaDayGenerator.builder().step(Duration.ofMillis(1500)).build());
        assertTrue(fractional.getMessage().contains("step"), fractional.getMessage());
        var outside = assertThrows(IllegalArgumentException.class, () -> GaDayGenerator.builder()
                .hours(4)
                .incidentAt(Duration.ofHours(4))
                .build());
        assertTrue(outside.getMessage().startsWith("incident"), outside.getMessage());
        var same = assertThrows(
                IllegalArgumentException.class,
                () -> GaDayGenerator.builder().incidentService("payments").build());
        assertTrue(same.getMessage().contains("different services"), same.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> GaDayGenerator.builder().incidentService("nope").build());
    }

    @Test
    void serviceNamesContinueWithNumberedOnes() {
        List<String> names = ServiceNames.first(12);
        assertEquals(List.of("checkout", "payments", "search"), names.subList(0, 3));
        assertEquals("svc-11", names.get(10));
        assertEquals("svc-12", names.get(11));
    }
}
