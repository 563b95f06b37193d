package dev.gaday.kpi.collect;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.kpi.compute.KpiCalculator;
import dev.gaday.kpi.compute.WindowKpis;
import dev.gaday.kpi.config.QueryKey;
import dev.gaday.kpi.query.Evaluation;
import dev.gaday.kpi.query.QueryRunner;
import java.time.Duration;
import java.util.Map;

/** The whole window's KPIs: every query over {@code [window]}, evaluated once at the window's end. */
public final class WindowCollector {
    private final QueryRunner runner;
    private final KpiCalculator calculator;

    public WindowCollector(QueryRunner runner, KpiCalculator calculator) {
        this.runner = runner;
        this.calculator = calculator;
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
        return calculator.compute(window, Evaluation.ofInstant(window.end(), outcomes));
    }
}
