package dev.gaday.common.model.kpi;

/** How the monitoring itself fared over the window (the template's observability section). */
public record Observability(Double prometheusUptimePercent, Double activeSeries, Double samplesPerSecond,
        Double retentionDays, Integer alertsFired, Integer criticalAlerts, Integer warningAlerts) {

    public static Observability empty() {
        return new Observability(null, null, null, null, null, null, null);
    }
}
