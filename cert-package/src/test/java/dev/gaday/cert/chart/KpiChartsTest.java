package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.Fixtures;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.OverallKpis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From snapshots, KPI summary and release file to the three charts' content. */
class KpiChartsTest {

    private static ReleaseFile release(List<ReleaseFile.Incident> incidents) {
        return new ReleaseFile(
                null, null, null, null, null, null, null, incidents, null, null, null, null, null, null, null, null);
    }

    private static ReleaseFile.Incident incident(String id, String time, String severity) {
        return new ReleaseFile.Incident(id, time, severity, "title", null, null, null, null, null);
    }

    @Test
    void snapshotsInAnyOrderGiveTimeOrderedPointsAtIntervalMiddlesOverTheWholeWindow() {
        List<KpiSnapshot> reversed = new ArrayList<>(Fixtures.snapshots());
        Collections.reverse(reversed);
        KpiCharts charts = KpiCharts.of(reversed, Fixtures.summary("svc"), release(List.of()));
        assertEquals(List.of("availability", "error_rate", "p99_latency"), charts.names());
        KpiChart availability = charts.layouts().get("availability").chart();
        assertEquals(Fixtures.START, availability.start());
        assertEquals(Fixtures.END, availability.end());
        assertEquals(24, availability.points().size());
        for (int hour = 0; hour < 24; hour++) {
            KpiChart.Point point = availability.points().get(hour);
            assertEquals(Fixtures.START.plus(Duration.ofMinutes(60L * hour + 30)), point.at());
            assertEquals(Fixtures.snapshots().get(hour).overall().availabilityPercent(), point.value());
        }
        assertEquals(98.7, availability.points().get(Fixtures.INCIDENT_HOUR).value());
    }

    @Test
    void thresholdsComeFromTheSummarysCriteriaWithTheReportsSigns() {
        KpiCharts charts = KpiCharts.of(Fixtures.snapshots(), Fixtures.summary("svc"), release(List.of()));
        assertEquals(
                new KpiChart.Threshold(99.5, "Threshold ≥ 99.5%"),
                charts.layouts().get("availability").chart().threshold());
        assertEquals(
                new KpiChart.Threshold(0.1, "Threshold < 0.1%"),
                charts.layouts().get("error_rate").chart().threshold());
        assertEquals(
                new KpiChart.Threshold(1000, "Threshold < 1,000 ms"),
                charts.layouts().get("p99_latency").chart().threshold());
        KpiCharts noSummary = KpiCharts.of(Fixtures.snapshots(), null, release(List.of()));
        assertNull(noSummary.layouts().get("availability").chart().threshold());
    }

    @Test
    void onlyIncidentsInsideTheWindowWithAReadableTimeAreDrawn() {
        ReleaseFile release = release(List.of(
                incident("INC-7", "2026-11-22T14:05:00Z", "SEV-2"),
                incident(null, "2026-11-22T03:00:00Z", "SEV-3"),
                incident(null, "2026-11-22T04:00:00Z", null),
                incident("INC-8", "2026-11-23T05:00:00Z", "SEV-1"),
                incident("INC-9", "yesterday", "SEV-1"),
                incident("INC-10", null, "SEV-1")));
        KpiCharts charts = KpiCharts.of(Fixtures.snapshots(), Fixtures.summary("svc"), release);
        assertEquals(
                List.of(
                        new KpiChart.Incident(Instant.parse("2026-11-22T14:05:00Z"), "INC-7"),
                        new KpiChart.Incident(Instant.parse("2026-11-22T03:00:00Z"), "SEV-3"),
                        new KpiChart.Incident(Instant.parse("2026-11-22T04:00:00Z"), "incident")),
                charts.layouts().get("p99_latency").chart().incidents());
    }

    @Test
    void aMetricWithNoValueInAnySnapshotHasNoChart() {
        List<KpiSnapshot> withoutLatency = new ArrayList<>();
        for (KpiSnapshot s : Fixtures.snapshots()) {
            OverallKpis o = s.overall();
            withoutLatency.add(new KpiSnapshot(
                    s.schemaVersion(),
                    s.kind(),
                    s.sequence(),
                    s.window(),
                    new OverallKpis(
                            o.availabilityPercent(),
                            o.uptimePercent(),
                            o.errorRatePercent(),
                            o.totalRequests(),
                            o.totalErrors(),
                            o.p50LatencyMs(),
                            o.p95LatencyMs(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            o.avgRps(),
                            o.peakRps(),
                            o.totalDowntimeMinutes(),
                            null),
                    s.services(),
                    s.gaps(),
                    s.infrastructure()));
        }
        KpiCharts charts = KpiCharts.of(withoutLatency, Fixtures.summary("svc"), release(List.of()));
        assertEquals(List.of("availability", "error_rate"), charts.names());
        assertTrue(KpiCharts.of(List.of(), null, release(List.of())).names().isEmpty());
    }

    @Test
    void aChartRefusesMarksOutsideItsPlot() {
        Instant start = Fixtures.START;
        List<KpiChart.Point> points = List.of(new KpiChart.Point(start.plus(Duration.ofHours(1)), 1.0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new KpiChart("c", "y", "s", start, start.plus(Duration.ofMinutes(30)), points, null, List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new KpiChart(
                        "c",
                        "y",
                        "s",
                        start,
                        start.plus(Duration.ofHours(2)),
                        points,
                        null,
                        List.of(new KpiChart.Incident(start.minusSeconds(1), "early"))));
    }
}
