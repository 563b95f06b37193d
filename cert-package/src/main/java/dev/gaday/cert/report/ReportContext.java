package dev.gaday.cert.report;

import dev.gaday.cert.certification.CertificationDecision;
import dev.gaday.cert.input.Inputs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the placeholder values are computed from.
 *
 * @param gaStart the window start (from --ga-start or the KPI summary), or null when unknown
 * @param tableRows placeholders that stand right under a table header: they get table rows
 * @param archiveName the tarball's file name, or null with --certify-only
 * @param charts the figures drawn: file stem (under package/charts/) to caption, in the report's order
 * @param artifacts paths (inside package/) of the artifacts included with --include-artifacts
 * @param consistencyWarnings inputs (snapshots, tool runs, release-file events) outside the GA window
 */
public record ReportContext(
        Inputs inputs,
        CertificationDecision decision,
        Instant gaStart,
        Instant gaEnd,
        Instant generatedAt,
        Set<String> tableRows,
        String archiveName,
        Map<String, String> charts,
        List<String> artifacts,
        Map<String, String> environment,
        List<String> consistencyWarnings) {

    public ReportContext {
        tableRows = Set.copyOf(tableRows);
        charts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(charts));
        artifacts = List.copyOf(artifacts);
        environment = Map.copyOf(environment);
        consistencyWarnings = List.copyOf(consistencyWarnings);
    }
}
