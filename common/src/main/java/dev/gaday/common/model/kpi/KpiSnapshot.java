package dev.gaday.common.model.kpi;

import dev.gaday.common.model.FileKind;
import java.util.List;
import java.util.Objects;

/**
 * {@code snapshot_NNNN.json}: the KPIs of one interval of the GA window (sequence from 1).
 * Charts of the certification package are drawn from the series of snapshots. {@code infrastructure}
 * (added after the first form; empty parts when not collected) holds the interval's infrastructure KPIs.
 */
public record KpiSnapshot(
        int schemaVersion,
        String kind,
        int sequence,
        Window window,
        OverallKpis overall,
        List<ServiceKpis> services,
        List<DataGap> gaps,
        Infrastructure infrastructure) {

    public KpiSnapshot {
        FileKind.KPI_SNAPSHOT.check(schemaVersion, kind);
        Objects.requireNonNull(window, "window");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
        }
        overall = overall == null ? OverallKpis.empty() : overall;
        services = services == null ? List.of() : List.copyOf(services);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        infrastructure = infrastructure == null ? Infrastructure.empty() : infrastructure;
    }

    /** A snapshot without infrastructure KPIs (the schema's first form; the field was added later). */
    public KpiSnapshot(
            int schemaVersion,
            String kind,
            int sequence,
            Window window,
            OverallKpis overall,
            List<ServiceKpis> services,
            List<DataGap> gaps) {
        this(schemaVersion, kind, sequence, window, overall, services, gaps, null);
    }

    public static String fileName(int sequence) {
        // Not String.format: its parser is a noticeable cost for the hundreds of names of one run.
        String number = Integer.toString(sequence);
        return "snapshot_" + "0000".substring(Math.min(4, number.length())) + number + ".json";
    }
}
