package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.FileKind;
import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloBurnRateSeries;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.model.slo.SloWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The burn rate over time: panels of the SLOs that fired or peaked, thresholds, firing spans, a log axis. */
class BurnRateChartTest {
    static final Instant START = SloChartsTest.START;
    static final Instant END = SloChartsTest.END;
    /** A point every 5 minutes over the day: 289. */
    static final int POINTS = 289;

    static final Instant FIRED = START.plus(Duration.ofMinutes(600));
    static final Instant RESOLVED = START.plus(Duration.ofMinutes(650));

    /** The ga-24h policy's four alerts; their peaks those of {@link #checkout()}'s series when paged, else none. */
    static List<SloAlert> alerts(boolean paged) {
        return alerts(paged, paged ? 80 : 0);
    }

    /** The four alerts, the 5m one peaking at {@code peak} and the longer ones damped as {@link #series} damps. */
    static List<SloAlert> alerts(boolean paged, double peak) {
        return List.of(
                new SloAlert(
                        "page",
                        "5m",
                        "4m",
                        14.4,
                        false,
                        paged ? List.of(FIRED) : List.of(),
                        paged ? List.of(RESOLVED) : List.of(),
                        peak,
                        0),
                new SloAlert("page", "30m", "5m", 4.8, false, List.of(), List.of(), peak / 2, 0),
                new SloAlert("ticket", "2h", "10m", 2.4, false, List.of(), List.of(), peak / 3, 0),
                new SloAlert(
                        "ticket",
                        "6h",
                        "30m",
                        1,
                        false,
                        paged ? List.of(FIRED.plusSeconds(1800)) : List.of(),
                        paged ? List.of(RESOLVED.plusSeconds(7200)) : List.of(),
                        peak / 4,
                        0));
    }

    static SloBurnRateSeries series(IntFunction<Double> fiveMinute) {
        List<SloBurnRateSeries.Window> windows = new ArrayList<>();
        String[] names = {"5m", "30m", "2h", "6h"};
        for (int w = 0; w < names.length; w++) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < POINTS; i++) {
                Double v = fiveMinute.apply(i);
                // Longer windows: the same values, damped by the window (enough for a test).
                values.add(v == null ? null : v / (1 + w));
            }
            windows.add(new SloBurnRateSeries.Window(names[w], values));
        }
        return new SloBurnRateSeries(START, 300, windows);
    }

    static SloResult slo(String name, String state, List<SloAlert> alerts, SloBurnRateSeries series) {
        return new SloResult(
                name,
                name.split("-")[0],
                99.9,
                "availability",
                99_000.0,
                100_000.0,
                0.001,
                new SloResult.ErrorBudget(100, 0, 0, 0),
                Map.of("24h", 1.0),
                null,
                10,
                alerts,
                state,
                state.equals("OK") ? null : "why",
                Map.of(),
                series);
    }

    static SloStatus status(List<SloResult> slos) {
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
                List.of(),
                Map.of());
    }

    /** checkout: 0.2× all day, 80× in the incident (points 120..129), no traffic at points 200..209. */
    static SloResult checkout() {
        return slo(
                "checkout-availability",
                "PAGE",
                alerts(true),
                series(i -> i >= 200 && i < 210 ? null : i >= 120 && i < 130 ? 80.0 : 0.2));
    }

    /** Nine quiet SLOs of growing peaks, one idle (all nulls), one from an older slo-monitor (no series). */
    static List<SloResult> day() {
        List<SloResult> slos = new ArrayList<>();
        slos.add(slo("quiet0-availability", "OK", alerts(false), series(i -> 0.0)));
        slos.add(checkout());
        for (int k = 1; k <= 8; k++) {
            double peak = 0.5 * k;
            slos.add(slo("quiet" + k + "-availability", "OK", alerts(false), series(i -> i == 50 ? peak : 0.1)));
        }
        slos.add(slo("idle-availability", "NO_TRAFFIC", alerts(false), series(i -> null)));
        slos.add(slo("old-availability", "OK", alerts(false), null));
        return slos;
    }

    @Test
    void sixPanelsTheFiredFirstThenTheHighestPeaks() {
        BurnRateChart chart = BurnRateChart.of(status(day()), List.of());
        assertEquals(
                List.of(
                        "checkout-availability",
                        "quiet8-availability",
                        "quiet7-availability",
                        "quiet6-availability",
                        "quiet5-availability",
                        "quiet4-availability"),
                chart.slos());
        assertEquals(BurnRateChart.MAX_PANELS, chart.panels().size());
        assertTrue(chart.title().contains("the 6 of 10 SLOs"), chart.title());
        assertTrue(chart.title().contains("a point every 5 min"), chart.title());
        assertTrue(chart.title().contains("Log axis"), chart.title());
        // Two to a row, three rows: the sixth panel is the second of the third row.
        assertEquals(2 * BurnRateChart.PANEL_HEIGHT + 18, chart.panels().get(5).top(), 1e-9);
        assertTrue(chart.panels().get(5).left() > ChartLayout.WIDTH / 2.0);
        assertTrue(chart.panels().get(4).right() < ChartLayout.WIDTH / 2.0);
        assertTrue(chart.height() > 3 * BurnRateChart.PANEL_HEIGHT);
    }

    @Test
    void thePeakIsTheAlertsWhenTheirFinerEvaluationSawMoreThanThePlottedSeries() {
        // slo-monitor evaluates alerts every minute; the plotted series is sampled every five.
        SloResult fine =
                slo("checkout-availability", "PAGE", alerts(true, 81.1), series(i -> i >= 120 && i < 130 ? 80.0 : 0.2));
        BurnRateChart.Panel panel =
                BurnRateChart.of(status(List.of(fine)), List.of()).panels().get(0);
        assertEquals(81.1, panel.peak(), 0);
        assertEquals("checkout-availability · peak 81.1× · PAGE", panel.title());
        assertTrue(panel.yMax() >= 81.1, "the axis holds it: " + panel.yMax());
    }

    @Test
    void theAxisHoldsTheOneTimesLineEveryThresholdAndThePeak() {
        BurnRateChart chart = BurnRateChart.of(status(day()), List.of());
        for (BurnRateChart.Panel p : chart.panels()) {
            assertTrue(p.yMin() < 1, p.slo() + ": the 1× line is above the floor");
            assertTrue(p.yMax() >= 14.4 && p.yMax() >= p.peak(), p.slo() + " " + p.yMin() + ".." + p.yMax());
            assertTrue(p.y(1) < p.bottom() && p.y(1) > p.top(), p.slo());
            assertTrue(p.y(p.peak()) > p.top(), p.slo() + ": the peak is inside the plot");
        }
        BurnRateChart.Panel checkout = chart.panels().get(0);
        assertEquals(80, checkout.peak(), 0);
        assertEquals(100, checkout.yMax(), 0, "the 1-2-5 step above 80 × 1.15");
        assertEquals("checkout-availability · peak 80× · PAGE", checkout.title());
        // Logarithmic: a decade is the same height anywhere.
        assertEquals(checkout.y(0.1) - checkout.y(1), checkout.y(1) - checkout.y(10), 1e-9);
        assertEquals(checkout.bottom(), checkout.y(0), 1e-9, "0 (no errors) lies on the bottom edge");
    }

    @Test
    void eachAlertsThresholdIsADashedLineInItsWindowsColour() {
        BurnRateChart chart = BurnRateChart.of(status(day()), List.of());
        BurnRateChart.Panel p = chart.panels().get(0);
        assertEquals(
                List.of(14.4, 4.8, 2.4, 1.0),
                p.thresholds().stream().map(BurnRateChart.Threshold::factor).toList());
        for (BurnRateChart.Threshold t : p.thresholds()) {
            assertTrue(
                    chart.marks().lines().stream()
                            .anyMatch(l -> l.stroke().dashed()
                                    && l.stroke().rgb() == t.rgb()
                                    && l.y1() == p.y(t.factor())
                                    && l.y2() == l.y1()
                                    && l.x1() == p.left()
                                    && l.x2() == p.right()),
                    "threshold " + t);
        }
        assertEquals(BurnRateChart.WINDOW_RGB[0], p.thresholds().get(0).rgb(), "5m: the first colour");
        assertEquals(BurnRateChart.WINDOW_RGB[3], p.thresholds().get(3).rgb(), "6h: the fourth");
        long dashed = chart.marks().lines().stream()
                .filter(l -> l.stroke().dashed() && l.x1() >= 0 && l.y1() < 3 * BurnRateChart.PANEL_HEIGHT)
                .count();
        assertEquals(6 * 4, dashed, "four thresholds in each of six panels");
        assertTrue(chart.marks().texts().stream().anyMatch(t -> t.text().equals("14.4×")));
        assertTrue(chart.marks().texts().stream().anyMatch(t -> t.text().equals("5m (page > 14.4×)")));
        assertTrue(chart.marks().texts().stream().anyMatch(t -> t.text().equals("6h (ticket > 1×)")));
    }

    @Test
    void theBurnRateIsALineBrokenWhereThereWasNoTrafficAndTheFiringIsShaded() {
        BurnRateChart chart = BurnRateChart.of(status(List.of(checkout())), List.of());
        BurnRateChart.Panel p = chart.panels().get(0);
        List<Marks.Polyline> fiveMinute = chart.marks().polylines().stream()
                .filter(l -> l.stroke().rgb() == BurnRateChart.WINDOW_RGB[0])
                .toList();
        assertEquals(2, fiveMinute.size(), "the gap of no traffic breaks the line in two");
        assertEquals(200, fiveMinute.get(0).xs().length);
        assertEquals(POINTS - 210, fiveMinute.get(1).xs().length);
        Instant incident = START.plusSeconds(300L * 125);
        assertEquals(p.x(incident), fiveMinute.get(0).xs()[125], 1e-9);
        assertEquals(p.y(80), fiveMinute.get(0).ys()[125], 1e-9);
        assertEquals(p.y(0.2), fiveMinute.get(0).ys()[0], 1e-9);
        assertEquals(p.x(END), fiveMinute.get(1).xs()[POINTS - 211], 1e-9);
        // The page shaded from when it fired to when it resolved, the ticket likewise.
        List<Marks.Rect> spans = chart.marks().rects().stream()
                .filter(r -> r.y() == p.top() && r.height() == p.bottom() - p.top())
                .toList();
        assertEquals(2, spans.size());
        Marks.Rect ticket = spans.get(0);
        Marks.Rect page = spans.get(1);
        assertEquals(BurnRateChart.TICKET_FILL_RGB, ticket.rgb());
        assertEquals(BurnRateChart.PAGE_FILL_RGB, page.rgb());
        assertEquals(p.x(FIRED), page.x(), 1e-9);
        assertEquals(p.x(RESOLVED), page.x() + page.width(), 1e-9);
        assertEquals(p.x(FIRED.plusSeconds(1800)), ticket.x(), 1e-9);
        assertTrue(chart.title().contains("the one SLO with a burn-rate series"), chart.title());
        String svg = new String(SvgCanvas.render(chart), StandardCharsets.UTF_8);
        assertTrue(svg.contains(">Page alert firing</text>"), svg);
        assertTrue(svg.contains(">checkout-availability · peak 80× · PAGE</text>"), svg);
    }

    @Test
    void incidentsAreMarkedInEveryPanel() {
        KpiChart.Incident deploy = new KpiChart.Incident(START.plus(Duration.ofHours(9)), "deploy");
        KpiChart.Incident outside = new KpiChart.Incident(END.plusSeconds(60), "later");
        BurnRateChart chart = BurnRateChart.of(status(day()), List.of(deploy, outside));
        for (BurnRateChart.Panel p : chart.panels()) {
            assertEquals(
                    1,
                    chart.marks().lines().stream()
                            .filter(l -> l.stroke().equals(ChartLayout.INCIDENT)
                                    && l.x1() == p.x(deploy.at())
                                    && l.y1() == p.top())
                            .count(),
                    p.slo());
        }
        assertTrue(chart.marks().texts().stream().anyMatch(t -> t.text().equals("Incident or deploy")));
        // Every panel labels its time axis from the window's start, within its own box.
        long starts = chart.marks().texts().stream()
                .filter(t -> t.text().equals("06-01 00:00"))
                .count();
        assertEquals(BurnRateChart.MAX_PANELS, starts);
        for (Marks.Text t : chart.marks().texts()) {
            double w = TextWidths.width(t.text(), t.style().size(), t.style().bold());
            double left = t.anchor() == ChartCanvas.Anchor.START
                    ? t.x()
                    : t.anchor() == ChartCanvas.Anchor.MIDDLE ? t.x() - w / 2 : t.x() - w;
            assertTrue(left >= 0 && left + w <= ChartLayout.WIDTH, "inside the canvas: " + t);
        }
    }

    @Test
    void withSeriesTheBurnRateChartTakesTheAlertTimelinesPlaceUnlessAFiredSloHasNoPanel() {
        assertEquals(
                List.of(SloCharts.BUDGET, BurnRateChart.NAME),
                SloCharts.of(status(day()), List.of()).stream()
                        .map(Figure::name)
                        .toList());
        // Seven SLOs whose alerts fired: one has no panel, so the alert lanes stay.
        List<SloResult> many = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            double level = 1.0 + k;
            many.add(slo("fired" + k + "-availability", "PAGE", alerts(true), series(i -> level)));
        }
        assertEquals(
                List.of(SloCharts.BUDGET, BurnRateChart.NAME, SloCharts.ALERTS),
                SloCharts.of(status(many), List.of()).stream().map(Figure::name).toList());
        // An older file, without series: the budget and the alert lanes as before.
        assertEquals(
                List.of(SloCharts.BUDGET, SloCharts.ALERTS),
                SloCharts.of(SloChartsTest.status(), List.of()).stream()
                        .map(Figure::name)
                        .toList());
    }

    @Test
    void noSeriesOrOnlyNullsDrawsNothing() {
        assertNull(BurnRateChart.of(SloChartsTest.status(), List.of()));
        assertNull(BurnRateChart.of(
                status(List.of(slo("idle-availability", "NO_TRAFFIC", alerts(false), series(i -> null)))), List.of()));
    }

    @Test
    void aPeakAboveEveryThresholdWidensTheAxisToTheNextStep() {
        assertEquals(200, BurnRateChart.niceAbove(120), 0);
        assertEquals(20, BurnRateChart.niceAbove(14.4 * 1.15), 0);
        assertEquals(1000, BurnRateChart.niceAbove(1000), 0);
        BurnRateChart chart = BurnRateChart.of(
                status(List.of(slo("hot-availability", "PAGE", alerts(true), series(i -> i == 3 ? 900.0 : 0.05)))),
                List.of());
        BurnRateChart.Panel p = chart.panels().get(0);
        assertEquals(2000, p.yMax(), 0);
        assertTrue(Arrays.asList("0.1×", "1×", "10×", "100×", "1,000×").stream()
                .allMatch(label ->
                        chart.marks().texts().stream().anyMatch(t -> t.text().equals(label))));
    }
}
