package dev.gaday.cert.chart;

import dev.gaday.common.model.drift.DriftAnalysis;
import dev.gaday.common.model.slo.SloStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of the report, laid out once, by name in the report's order: the KPI charts and their services'
 * small multiples, then the SLO figures (slo_*) and the drift figure (drift_*) when those files are inputs.
 */
public final class ReportCharts {
    public static final String SLO_PREFIX = "slo_";
    public static final String DRIFT_PREFIX = "drift_";

    private final Map<String, Figure> figures = new LinkedHashMap<>();

    private ReportCharts() {}

    /**
     * @param slo the SLO status, or null
     * @param drift the drift analysis, or null
     * @param events incidents and deploys for the SLO alert timeline
     */
    public static ReportCharts of(KpiCharts kpi, SloStatus slo, DriftAnalysis drift, List<KpiChart.Incident> events) {
        ReportCharts charts = new ReportCharts();
        charts.figures.putAll(kpi.figures());
        if (slo != null) {
            for (Figure figure : SloCharts.of(slo, events)) {
                charts.figures.put(figure.name(), figure);
            }
        }
        if (drift != null) {
            RowChart figure = DriftChart.of(drift);
            if (figure != null) {
                charts.figures.put(figure.name(), figure);
            }
        }
        return charts;
    }

    public Map<String, Figure> figures() {
        return Collections.unmodifiableMap(figures);
    }

    /** Name to caption, in order: what the report's Markdown refers to. */
    public Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        figures.forEach((name, figure) -> titles.put(name, figure.title()));
        return Collections.unmodifiableMap(titles);
    }

    /** The KPI figures only (not SLO or drift): what INSERT_KPI_CHARTS shows. */
    public static boolean kpi(String name) {
        return !name.startsWith(SLO_PREFIX) && !name.startsWith(DRIFT_PREFIX);
    }
}
