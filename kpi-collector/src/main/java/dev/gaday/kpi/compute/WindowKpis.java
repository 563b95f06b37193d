package dev.gaday.kpi.compute;

import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.Infrastructure;
import dev.gaday.common.model.kpi.Observability;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.kpi.Window;
import java.util.List;
import java.util.Map;

/** The KPIs of one window (a snapshot's interval or the whole GA window) and the queries behind them. */
public record WindowKpis(
        Window window,
        OverallKpis overall,
        List<ServiceKpis> services,
        Infrastructure infrastructure,
        Observability observability,
        List<DataGap> gaps,
        Map<String, String> queries) {}
