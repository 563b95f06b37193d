package dev.gaday.kpi.collect;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Observability;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.kpi.compute.KpiCalculator;
import dev.gaday.kpi.compute.WindowKpis;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.QueryRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The whole window's KPIs: every query over {@code [window]}, evaluated once at the window's end. */
public final class WindowCollector {
    private final QueryRunner runner;
    private final KpiCalculator calculator;

    private final PrometheusClient client;

    public WindowCollector(QueryRunner runner, KpiCalculator calculator) {
        this(runner, calculator, null);
    }

    /** With a client, the summary also gets the server's retention (or a gap saying why not). */
    public WindowCollector(QueryRunner runner, KpiCalculator calculator, PrometheusClient client) {
        this.runner = runner;
        this.calculator = calculator;
        this.client = client;
    }

    /**
     * @param deadline how long the queries may take (null: as long as the client's retries allow)
     * @param failRun a source failure fails the run (exit 4); false keeps it as a gap (a stopped run's
     *                partial summary, which never certifies)
     */
    public WindowKpis collect(Window window, Duration deadline, boolean failRun, String source) {
        Map<QueryKey, String> queries = calculator.queriesFor(window.duration().toSeconds(), false);
        Map<QueryKey, QueryRunner.Outcome> outcomes = runner.instant(queries, window.end(), deadline, failRun);
        if (failRun && SnapshotCollector.allUnreachable(outcomes)) {
            throw new ToolException(
                    ExitCode.RUNTIME_ERROR,
                    "no query reached " + source + ": "
                            + outcomes.get(QueryKey.REQUESTS).error());
        }
        WindowKpis kpis = calculator.compute(window, Evaluation.ofInstant(window.end(), outcomes));
        // A bounded (partial) summary must finish within its deadline: it does not ask for the retention.
        return client == null
                ? kpis
                : withRetention(
                        kpis,
                        deadline != null
                                ? new Retention(null, "not asked for a partial summary")
                                : Retention.of(client));
    }

    static WindowKpis withRetention(WindowKpis kpis, Retention retention) {
        Observability o = kpis.observability();
        List<DataGap> gaps = new ArrayList<>(kpis.gaps());
        if (retention.days() == null) {
            gaps.add(new DataGap(
                    "observability.retentionDays",
                    null,
                    kpis.window().start(),
                    kpis.window().end(),
                    retention.reason()));
        }
        Map<String, String> queries = new TreeMap<>(kpis.queries());
        if (!queries.isEmpty()) {
            queries.put("observability.retentionDays", "GET /api/v1/status/flags: " + Retention.FLAG);
        }
        return new WindowKpis(
                kpis.window(),
                kpis.overall(),
                kpis.services(),
                kpis.infrastructure(),
                new Observability(
                        o.prometheusUptimePercent(),
                        o.activeSeries(),
                        o.samplesPerSecond(),
                        retention.days(),
                        o.alertsFired(),
                        o.criticalAlerts(),
                        o.warningAlerts()),
                gaps,
                queries);
    }
}
