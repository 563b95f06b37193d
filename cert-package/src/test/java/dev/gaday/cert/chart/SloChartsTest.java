package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloViolation;
import dev.gaday.common.model.slo.SloWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SLO figures: budget consumed per SLO against 100 %, and the alerts that fired on the time axis. */
class SloChartsTest {
    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(24));
    static final Instant FIRED = START.plus(Duration.ofMinutes(601));
    static final Instant RESOLVED = START.plus(Duration.ofMinutes(646));
    static final Instant STILL_FIRING = START.plus(Duration.ofHours(22));

    static SloResult slo(String name, double consumed, String state, List<SloAlert> alerts) {
        return new SloResult(
                name,
                name.split("-")[0],
                99.9,
                "availability",
                99_000.0,
                100_000.0,
                consumed / 100 * 0.001,
                new SloResult.ErrorBudget(consumed, 100 - consumed, 0, 0),
                Map.of("24h", consumed / 100),
                null,
                10,
                alerts,
                state,
                state.equals("OK") ? null : "spent",
                Map.of(),
                null);
    }

    static SloAlert alert(String severity, double factor, List<Instant> fired, List<Instant> resolved, double peak) {
        return new SloAlert(severity, "5m", "1m", factor, fired.size() > resolved.size(), fired, resolved, peak, 0);
    }

    /** Twelve SLOs: checkout spent 350 % with a page that fired and resolved, cart has a ticket still firing. */
    static SloStatus status() {
        List<SloResult> slos = new ArrayList<>();
        slos.add(slo(
                "checkout-availability",
                350,
                "BUDGET_EXHAUSTED",
                List.of(
                        alert("page", 14.4, List.of(FIRED), List.of(RESOLVED), 80.3),
                        alert("ticket", 1, List.of(), List.of(), 0.9))));
        slos.add(slo(
                "cart-availability",
                70,
                "TICKET",
                List.of(alert("ticket", 2.4, List.of(STILL_FIRING), List.of(), 3.1))));
        for (int i = 0; i < 10; i++) {
            slos.add(slo("svc" + i + "-availability", 10 + i, "OK", List.of()));
        }
        return new SloStatus(
                FileKind.SLO_STATUS.schemaVersion(),
                FileKind.SLO_STATUS.id(),
                "1.0",
                END,
                false,
                new SloWindow(START, END, 60),
                "ga-24h",
                "FAIL",
                slos,
                List.of(new SloViolation("checkout-availability", "page", FIRED, RESOLVED, 80.3)),
                Map.of());
    }

    @Test
    void budgetBarsReachTheirConsumedPercentAgainstTheHundredPercentLine() {
        List<Figure> figures = SloCharts.of(status(), List.of());
        RowChart budget = (RowChart) figures.get(0);
        assertEquals(SloCharts.BUDGET, budget.name());
        assertEquals(SloCharts.BUDGET_ROWS, budget.rows().size(), "the 10 that spent most of 12");
        assertTrue(budget.title().contains("the 10 SLOs that spent most, of 12"), budget.title());
        assertEquals("checkout-availability", budget.rows().get(0).label(), "the most spent first");
        assertEquals("cart-availability", budget.rows().get(1).label());
        assertTrue(budget.min() == 0 && budget.max() > 350, budget.min() + ".." + budget.max());
        // Each bar runs from 0 to its value; the SLOs beyond the tenth are left out.
        List<Marks.Rect> bars = budget.marks().rects().stream()
                .filter(r -> r.height() == RowChart.ROW - 8)
                .toList();
        assertEquals(10, bars.size());
        assertEquals(budget.x(0), bars.get(0).x(), 1e-9);
        assertEquals(budget.x(350) - budget.x(0), bars.get(0).width(), 1e-9);
        assertEquals(SloCharts.SPENT_RGB, bars.get(0).rgb(), "a spent budget is red");
        assertEquals(SloCharts.ALERTED_RGB, bars.get(1).rgb(), "an alerting SLO is orange");
        assertEquals(ChartLayout.SERIES_RGB, bars.get(2).rgb());
        assertTrue(
                budget.marks().lines().stream()
                        .anyMatch(l -> l.stroke().equals(ChartLayout.THRESHOLD)
                                && l.x1() == budget.x(100)
                                && l.x2() == budget.x(100)
                                && l.y2() - l.y1() >= 10 * RowChart.ROW),
                "the 100 % line crosses every row");
        assertTrue(budget.marks().texts().stream().anyMatch(t -> t.text().equals("350%  BUDGET_EXHAUSTED")));
    }

    @Test
    void alertsThatFiredAreSpansOnTheWindowsTimeAxisWithFactorAndPeak() {
        KpiChart.Incident deploy = new KpiChart.Incident(START.plus(Duration.ofHours(9)), "deploy");
        List<Figure> figures = SloCharts.of(status(), List.of(deploy));
        AlertTimeline alerts = (AlertTimeline) figures.get(1);
        assertEquals(SloCharts.ALERTS, alerts.name());
        assertEquals(2, alerts.lanes().size(), "only the alerts that fired: " + alerts.lanes());
        assertEquals(
                "checkout-availability · page 14.4× (5m/1m)",
                alerts.lanes().get(0).label());
        assertEquals("peak 80.3×", alerts.lanes().get(0).note());
        assertTrue(alerts.title().contains("no burn-rate series"), "the caption says what the file lacks");
        List<Marks.Rect> spans = alerts.marks().rects().stream()
                .filter(r -> r.height() == AlertTimeline.LANE - 10)
                .toList();
        assertEquals(2, spans.size());
        assertEquals(alerts.x(FIRED), spans.get(0).x(), 1e-9);
        assertEquals(alerts.x(RESOLVED) - alerts.x(FIRED), spans.get(0).width(), 1e-9);
        assertEquals(SloCharts.PAGE_RGB, spans.get(0).rgb());
        assertEquals(alerts.x(END), spans.get(1).x() + spans.get(1).width(), 1e-9, "still firing: to the end");
        assertEquals(SloCharts.TICKET_RGB, spans.get(1).rgb());
        assertTrue(
                alerts.marks().lines().stream()
                        .anyMatch(l -> l.stroke().equals(ChartLayout.INCIDENT) && l.x1() == alerts.x(deploy.at())),
                "the deploy is marked");
        String svg = new String(SvgCanvas.render(alerts), StandardCharsets.UTF_8);
        assertTrue(svg.contains(">peak 80.3×</text>"), svg);
    }

    @Test
    void noAlertFiredMeansNoTimelineOnlyTheBudget() {
        SloStatus quiet = new SloStatus(
                FileKind.SLO_STATUS.schemaVersion(),
                FileKind.SLO_STATUS.id(),
                "1.0",
                END,
                false,
                new SloWindow(START, END, 60),
                "ga-24h",
                "PASS",
                List.of(slo("a-availability", 20, "OK", List.of(alert("page", 14.4, List.of(), List.of(), 1.2)))),
                List.of(),
                Map.of());
        List<Figure> figures = SloCharts.of(quiet, List.of());
        assertEquals(
                List.of(SloCharts.BUDGET), figures.stream().map(Figure::name).toList());
        RowChart budget = (RowChart) figures.get(0);
        assertTrue(budget.max() > 100, "the axis still shows the whole budget's line: " + budget.max());
        assertTrue(budget.title().contains("all 1 SLOs"), budget.title());
    }
}
