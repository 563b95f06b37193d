package dev.gaday.common.model.kpi;

import dev.gaday.common.model.FileKind;
import java.util.List;
import java.util.Objects;

/**
 * {@code snapshot_NNNN.json}: the KPIs of one interval of the GA window (sequence from 1).
 * Charts of the certification package are drawn from the series of snapshots.
 */
public record KpiSnapshot(
        int schemaVersion,
        String kind,
        int sequence,
        Window window,
        OverallKpis overall,
        List<ServiceKpis> services,
        List<DataGap> gaps) {

    public KpiSnapshot {
        FileKind.KPI_SNAPSHOT.check(schemaVersion, kind);
        Objects.requireNonNull(window, "window");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
        }
        overall = overall == null ? OverallKpis.empty() : overall;
        services = services == null ? List.of() : List.copyOf(services);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    public static String fileName(int sequence) {
        return String.format("snapshot_%04d.json", sequence);
    }
}
