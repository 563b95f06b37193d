package dev.gaday.cert.chart;

import dev.gaday.common.model.slo.SloAlert;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.text.ReportFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SLO figures, from slo_status.json as slo-monitor writes it. Without burn-rate series (older files) it
 * has per SLO the budget consumed over the window, and per burn-rate alert its factor (the threshold), when it
 * fired and resolved, and its peak burn rate. So, without inventing a series: the budget consumed per SLO as
 * bars against the 100 % line (the {@value #BUDGET_ROWS} that spent most), and, when an alert fired, a
 * timeline of the alerts that fired on the SLO window's time axis (one lane per SLO and alert, at most
 * {@value #ALERT_LANES}), each lane saying its factor and its peak burn rate, with incidents and deploys
 * marked. When the file carries burn-rate series ({@code burnRateSeries}, slo-monitor since the series), the
 * burn rate over time ({@link BurnRateChart}) follows the budget and takes the alert timeline's place; the
 * timeline stays only for SLOs whose alerts fired but found no panel.
 */
public final class SloCharts {
    public static final String BUDGET = "slo_budget";
    public static final String ALERTS = "slo_alerts";
    static final int BUDGET_ROWS = 10;
    static final int ALERT_LANES = 8;
    static final int SPENT_RGB = 0xc03030;
    static final int ALERTED_RGB = 0xe08000;
    static final int PAGE_RGB = 0xc03030;
    static final int TICKET_RGB = 0xe0a000;

    private SloCharts() {}

    /**
     * @param events incidents and deploys to mark on the alert timeline (those outside the window are left out)
     */
    public static List<Figure> of(SloStatus slo, List<KpiChart.Incident> events) {
        List<Figure> figures = new ArrayList<>();
        List<SloResult> ordered = new ArrayList<>(slo.slos());
        ordered.sort(Comparator.comparingInt((SloResult s) -> SloResult.stateRank(s.state()))
                .thenComparingDouble(
                        s -> s.errorBudget() == null ? 0 : -s.errorBudget().consumedPercent())
                .thenComparing(SloResult::name));
        RowChart budget = budget(ordered);
        if (budget != null) {
            figures.add(budget);
        }
        BurnRateChart burnRate = BurnRateChart.of(slo, events);
        if (burnRate != null) {
            figures.add(burnRate);
        }
        // The burn-rate panels shade when each alert fired, under its threshold and the burn rate itself: the
        // alert lanes add nothing then, unless an SLO whose alert fired has no panel (more than fit).
        boolean firedWithoutPanel = slo.slos().stream()
                .anyMatch(s -> BurnRateChart.fired(s)
                        && (burnRate == null || !burnRate.slos().contains(s.name())));
        AlertTimeline alerts = firedWithoutPanel ? alerts(slo, ordered, events, burnRate != null) : null;
        if (alerts != null) {
            figures.add(alerts);
        }
        return figures;
    }

    private static RowChart budget(List<SloResult> ordered) {
        List<SloResult> withBudget = new ArrayList<>(
                ordered.stream().filter(s -> s.errorBudget() != null).toList());
        if (withBudget.isEmpty()) {
            return null;
        }
        withBudget.sort(
                Comparator.comparingDouble((SloResult s) -> -s.errorBudget().consumedPercent())
                        .thenComparing(SloResult::name));
        List<RowChart.Row> rows = new ArrayList<>();
        boolean spent = false;
        boolean alerted = false;
        boolean within = false;
        for (SloResult s : withBudget.subList(0, Math.min(BUDGET_ROWS, withBudget.size()))) {
            double consumed = s.errorBudget().consumedPercent();
            int rgb;
            if (consumed >= 100 || s.state().equals("BUDGET_EXHAUSTED")) {
                rgb = SPENT_RGB;
                spent = true;
            } else if (!s.state().equals("OK")) {
                rgb = ALERTED_RGB;
                alerted = true;
            } else {
                rgb = ChartLayout.SERIES_RGB;
                within = true;
            }
            rows.add(new RowChart.Row(
                    s.name(),
                    consumed,
                    null,
                    null,
                    null,
                    rgb,
                    List.of(),
                    ReportFormat.percent(consumed, 1) + (s.state().equals("OK") ? "" : "  " + s.state())));
        }
        List<RowChart.LegendEntry> legend = new ArrayList<>();
        if (spent) {
            legend.add(new RowChart.LegendEntry("Budget spent", SPENT_RGB));
        }
        if (alerted) {
            legend.add(new RowChart.LegendEntry("Alert fired", ALERTED_RGB));
        }
        if (within) {
            legend.add(new RowChart.LegendEntry("Within budget", ChartLayout.SERIES_RGB));
        }
        String which = withBudget.size() <= BUDGET_ROWS
                ? "all " + withBudget.size() + " SLOs with traffic"
                : "the " + BUDGET_ROWS + " SLOs that spent most, of " + withBudget.size() + " with traffic";
        return new RowChart(
                BUDGET,
                "Error budget consumed over the SLO window (" + which + "); the red line is the whole budget",
                "Error budget consumed (%)",
                rows,
                List.of(new RowChart.Reference(100, ChartLayout.THRESHOLD, "100%: the whole budget")),
                legend);
    }

    private static AlertTimeline alerts(
            SloStatus slo, List<SloResult> ordered, List<KpiChart.Incident> events, boolean burnRatePanels) {
        Instant start = slo.window().start();
        Instant end = slo.window().end();
        List<AlertTimeline.Lane> lanes = new ArrayList<>();
        int fired = 0;
        boolean page = false;
        boolean ticket = false;
        for (SloResult s : ordered) {
            List<SloAlert> alerts = new ArrayList<>(s.alerts());
            alerts.sort(Comparator.comparing((SloAlert a) -> !a.severity().equals("page"))
                    .thenComparingDouble(a -> -a.factor()));
            for (SloAlert alert : alerts) {
                if (alert.firedAt().isEmpty()) {
                    continue;
                }
                fired++;
                if (lanes.size() == ALERT_LANES) {
                    continue;
                }
                List<AlertTimeline.Span> spans = new ArrayList<>();
                for (int i = 0; i < alert.firedAt().size(); i++) {
                    Instant from = clamp(alert.firedAt().get(i), start, end);
                    Instant to = i < alert.resolvedAt().size()
                            ? clamp(alert.resolvedAt().get(i), start, end)
                            : end;
                    spans.add(new AlertTimeline.Span(from, to.isBefore(from) ? from : to));
                }
                boolean isPage = alert.severity().equals("page");
                page |= isPage;
                ticket |= !isPage;
                lanes.add(new AlertTimeline.Lane(
                        s.name() + " · " + alert.severity() + " " + ReportFormat.number(alert.factor(), 1) + "× ("
                                + alert.longWindow() + "/" + alert.shortWindow() + ")",
                        isPage ? PAGE_RGB : TICKET_RGB,
                        spans,
                        "peak " + ReportFormat.number(alert.peakBurnRate(), 1) + "×"));
            }
        }
        if (lanes.isEmpty()) {
            return null;
        }
        List<RowChart.LegendEntry> legend = new ArrayList<>();
        if (page) {
            legend.add(new RowChart.LegendEntry("Page alert firing", PAGE_RGB));
        }
        if (ticket) {
            legend.add(new RowChart.LegendEntry("Ticket alert firing", TICKET_RGB));
        }
        return new AlertTimeline(
                ALERTS,
                "Burn-rate alerts that fired over the SLO window ("
                        + (fired <= ALERT_LANES
                                ? (fired == 1 ? "the one alert" : "all " + fired + " alerts")
                                : "the first " + ALERT_LANES + " of " + fired + " alerts, worst SLO first")
                        + "): each lane is an SLO's alert with its burn-rate threshold (factor, long/short window) "
                        + "and its peak burn rate"
                        + (burnRatePanels
                                ? "; more SLOs fired than the burn-rate figure has panels"
                                : "; slo_status.json has no burn-rate series to plot"),
                start,
                end,
                lanes,
                events,
                legend);
    }

    private static Instant clamp(Instant t, Instant start, Instant end) {
        return t.isBefore(start) ? start : t.isAfter(end) ? end : t;
    }
}
