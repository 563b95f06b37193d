package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.Fixtures;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A failing service gets its own chart: the fleet average hides the culprit. */
class ServiceChartsTest {

    @Test
    void theFailingServiceIsChartedAgainstItsOwnThreshold() {
        KpiSummary base = Fixtures.summary("web");
        KpiSummary summary = new KpiSummary(
                base.schemaVersion(),
                base.kind(),
                base.toolVersion(),
                base.generatedAt(),
                false,
                base.window(),
                base.overall(),
                List.of(Fixtures.service("search", 99.95), Fixtures.service("checkout", 99.8)),
                base.infrastructure(),
                base.kubernetes(),
                base.observability(),
                Certification.of(Verdict.of(List.of(
                        Criterion.of("service checkout availability", Comparator.GREATER_OR_EQUAL, 99.9, "%")
                                .evaluate(99.8, "s"),
                        Criterion.of("service search availability", Comparator.GREATER_OR_EQUAL, 99.9, "%")
                                .evaluate(99.95, "s")))),
                List.of(),
                Map.of());
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 288; i++) {
            Window window = new Window(
                    Fixtures.START.plus(Duration.ofMinutes(5L * i)),
                    Fixtures.START.plus(Duration.ofMinutes(5L * i + 5)),
                    300);
            snapshots.add(new KpiSnapshot(
                    1,
                    FileKind.KPI_SNAPSHOT.id(),
                    i + 1,
                    window,
                    base.overall(),
                    List.of(Fixtures.service("search", 99.95), Fixtures.service("checkout", 99.78 + (i % 5) * 0.01)),
                    List.of()));
        }
        KpiCharts charts = KpiCharts.of(snapshots, summary, ReleaseFile.empty());
        assertEquals(
                List.of("availability", "error_rate", "p99_latency", "svc__checkout__availability"), charts.names());
        ChartLayout layout = charts.layouts().get("svc__checkout__availability");
        assertTrue(layout.yMin() < 99.78 && layout.yMax() > 99.9, layout.yMin() + " to " + layout.yMax());
        assertTrue(layout.yMin() > 99.5, "the axis fits the data, not 96 to 100: " + layout.yMin());
        assertEquals(
                "checkout: Availability (service) over the GA window", KpiChart.title("svc__checkout__availability"));
    }
}
