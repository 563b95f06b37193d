package dev.gaday.common.model.kpi;

import dev.gaday.common.model.FileKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code ga_kpi_summary.json}: the KPIs of a whole GA window and the certification verdict.
 * The field names are a contract read by users' CI scripts and by cert-package; see
 * docs/schema/ga-kpi-summary.md. {@code queries} maps a field path (e.g.
 * {@code services[].availabilityPercent}) to the PromQL that produced it.
 */
public record KpiSummary(
        int schemaVersion,
        String kind,
        String toolVersion,
        Instant generatedAt,
        boolean partial,
        Window window,
        OverallKpis overall,
        List<ServiceKpis> services,
        Infrastructure infrastructure,
        KubernetesStatus kubernetes,
        Observability observability,
        Certification certification,
        List<DataGap> gaps,
        Map<String, String> queries) {

    public KpiSummary {
        FileKind.KPI_SUMMARY.check(schemaVersion, kind);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(certification, "certification");
        overall = overall == null ? OverallKpis.empty() : overall;
        services = services == null ? List.of() : List.copyOf(services);
        infrastructure = infrastructure == null ? Infrastructure.empty() : infrastructure;
        kubernetes = kubernetes == null ? KubernetesStatus.unavailable("not collected") : kubernetes;
        observability = observability == null ? Observability.empty() : observability;
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        queries = queries == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(queries));
    }
}
