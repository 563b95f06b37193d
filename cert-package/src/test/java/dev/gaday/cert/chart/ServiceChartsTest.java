package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.cert.Fixtures;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.common.verdict.Criterion;
import dev.gaday.common.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small multiples: the worst services of each metric, a panel each, each axis fitting its own data and threshold. */
class ServiceChartsTest {
    static final List<String> SERVICES =
            List.of("search", "checkout", "cart", "catalog", "accounts", "shipping", "web");

    /** Seven services; checkout fails its own availability criterion, the others sit just above the fleet's. */
    static KpiCharts charts(List<KpiChart.Incident> events) {
        KpiSummary base = Fixtures.summary("web");
        List<ServiceKpis> services = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            services.add(
                    Fixtures.service(SERVICES.get(i), SERVICES.get(i).equals("checkout") ? 99.8 : 99.99 - i * 0.01));
        }
        KpiSummary summary = new KpiSummary(
                base.schemaVersion(),
                base.kind(),
                base.toolVersion(),
                base.generatedAt(),
                false,
                base.window(),
                base.overall(),
                services,
                base.infrastructure(),
                base.kubernetes(),
                base.observability(),
                Certification.of(Verdict.of(List.of(
                        Criterion.of("availability", Comparator.GREATER_OR_EQUAL, 99.5, "%")
                                .evaluate(99.9, "s"),
                        Criterion.of("service checkout availability", Comparator.GREATER_OR_EQUAL, 99.9, "%")
                                .evaluate(99.8, "s")))),
                List.of(),
                Map.of());
        List<KpiSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < 288; i++) {
            Window window = new Window(
                    Fixtures.START.plus(Duration.ofMinutes(5L * i)),
                    Fixtures.START.plus(Duration.ofMinutes(5L * i + 5)),
                    300);
            List<ServiceKpis> now = new ArrayList<>();
            for (ServiceKpis s : services) {
                now.add(Fixtures.service(
                        s.name(), s.name().equals("checkout") ? 99.78 + (i % 5) * 0.01 : s.availabilityPercent()));
            }
            snapshots.add(
                    new KpiSnapshot(1, FileKind.KPI_SNAPSHOT.id(), i + 1, window, base.overall(), now, List.of()));
        }
        return KpiCharts.of(snapshots, summary, ReleaseFile.empty(), events);
    }

    @Test
    void eachMetricHasSmallMultiplesOfItsSixWorstServicesAfterItsFleetChart() {
        KpiCharts charts = charts(List.of());
        assertEquals(
                List.of(
                        "availability",
                        "services_availability",
                        "error_rate",
                        "services_error_rate",
                        "p99_latency",
                        "services_p99_latency"),
                charts.names());
        ServicePanels availability = (ServicePanels) charts.figures().get("services_availability");
        assertEquals(KpiCharts.SERVICE_PANELS, availability.panels().size(), "six of seven services");
        // Worst first, by the whole window's availability: checkout (99.8), web (99.93), ...; search (99.99) is
        // the best and left out.
        List<String> shown =
                availability.panels().stream().map(p -> p.chart().seriesLabel()).toList();
        assertEquals(6, shown.size());
        assertTrue(availability.panels().get(0).chart().name().endsWith("_checkout"), shown.toString());
        assertTrue(
                availability.panels().stream().noneMatch(p -> p.chart().name().endsWith("_search")),
                "the best service is left out");
        assertTrue(availability.title().contains("6 worst services (of 7)"), availability.title());
        // Three to a row, two rows, inside the figure, none overlapping.
        for (int i = 0; i < 6; i++) {
            ChartLayout panel = availability.panels().get(i);
            assertTrue(panel.plotLeft() >= (i % 3) * ChartLayout.WIDTH / 3.0, "panel " + i);
            assertTrue(panel.plotRight() <= (i % 3 + 1) * ChartLayout.WIDTH / 3.0, "panel " + i);
            assertTrue(panel.plotTop() >= (i / 3) * ServicePanels.PANEL_HEIGHT, "panel " + i);
            assertTrue(panel.plotBottom() <= (i / 3 + 1) * ServicePanels.PANEL_HEIGHT, "panel " + i);
        }
        assertTrue(availability.height() > 2 * ServicePanels.PANEL_HEIGHT);
    }

    @Test
    void eachPanelsAxisFitsItsServicesValuesAndThresholdWithMargin() {
        ServicePanels availability = (ServicePanels) charts(List.of()).figures().get("services_availability");
        ChartLayout checkout = availability.panels().get(0);
        assertEquals(99.9, checkout.chart().threshold().value(), "the service's own criterion");
        assertTrue(checkout.yMin() < 99.78 && checkout.yMax() > 99.9, checkout.yMin() + " to " + checkout.yMax());
        assertTrue(checkout.yMin() > 99.5, "the axis fits the data, not 96 to 100: " + checkout.yMin());
        double threshold = checkout.y(99.9);
        assertTrue(threshold > checkout.plotTop() && threshold < checkout.plotBottom(), "the threshold is inside");
        ChartLayout other = availability.panels().get(1);
        assertEquals(99.5, other.chart().threshold().value(), "no own criterion: the fleet's");
        assertTrue(other.yMin() < 99.5
                && other.yMax() > other.chart().points().get(0).value());
        assertTrue(availability.panels().get(0).chart().threshold() != null);
    }

    @Test
    void incidentsAndAlertsAreMarkedInEveryPanel() {
        KpiChart.Incident alert = new KpiChart.Incident(Fixtures.START.plus(Duration.ofHours(10)), "SLO page");
        ServicePanels errors = (ServicePanels) charts(List.of(alert)).figures().get("services_error_rate");
        for (ChartLayout panel : errors.panels()) {
            assertEquals(List.of(alert), panel.chart().incidents());
            assertTrue(panel.labelledIncidents().isEmpty(), "a panel has no room for labels: the legend says");
        }
        String svg = new String(SvgCanvas.render(errors), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(svg.contains("Incident, deploy or SLO alert"), "the legend names the lines");
        assertTrue(svg.contains("height=\"" + errors.height() + "\""), "the SVG is the figure's size");
    }
}
