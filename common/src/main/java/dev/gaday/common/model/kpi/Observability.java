package dev.gaday.common.model.kpi;

import dev.gaday.common.model.Ranges;

/** How the monitoring itself fared over the window (the template's observability section). */
public record Observability(
        Double prometheusUptimePercent,
        Double activeSeries,
        Double samplesPerSecond,
        Double retentionDays,
        Integer alertsFired,
        Integer criticalAlerts,
        Integer warningAlerts) {

    public Observability {
        prometheusUptimePercent = Ranges.percent("prometheusUptimePercent", prometheusUptimePercent);
        activeSeries = Ranges.nonNegative("activeSeries", activeSeries);
        samplesPerSecond = Ranges.nonNegative("samplesPerSecond", samplesPerSecond);
        retentionDays = Ranges.nonNegative("retentionDays", retentionDays);
        alertsFired = Ranges.nonNegative("alertsFired", alertsFired);
        criticalAlerts = Ranges.nonNegative("criticalAlerts", criticalAlerts);
        warningAlerts = Ranges.nonNegative("warningAlerts", warningAlerts);
    }

    public static Observability empty() {
        return new Observability(null, null, null, null, null, null, null);
    }
}
