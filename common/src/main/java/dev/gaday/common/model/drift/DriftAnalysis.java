package dev.gaday.common.model.drift;

import dev.gaday.common.model.FileKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * drift_analysis.json (and the live run's drift_snapshot_NNNN.json): what drift-detector judged.
 * Documented in docs/schema/drift-analysis.md.
 *
 * @param mode      capture, compare, canary or deploy
 * @param windows   the two sides: baseline/current (compare), before/after (deploy), stable/canary (canary)
 * @param status    PASS, MARGINAL, FAIL or NO_DATA
 * @param complete  false for a snapshot or an interrupted live run: such a file never certifies
 * @param drifts    one entry per check (metric × label set), drifted or not, each with its reason
 * @param canary    the weighted score (every mode computes it; named for the canary judge); null if absent
 */
public record DriftAnalysis(
        int schemaVersion,
        String kind,
        Instant generatedAt,
        String mode,
        Map<String, DriftWindow> windows,
        String status,
        boolean complete,
        int totalChecks,
        int driftsDetected,
        int criticalDrifts,
        SeverityBreakdown severityBreakdown,
        List<Drift> drifts,
        List<Mitigation> mitigationActions,
        CanaryScore canary,
        String reason) {

    public static final List<String> STATUSES = List.of("PASS", "MARGINAL", "FAIL", "NO_DATA");

    public DriftAnalysis {
        FileKind.DRIFT_ANALYSIS.check(schemaVersion, kind);
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(mode, "mode");
        windows = Map.copyOf(Objects.requireNonNull(windows, "windows"));
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status '" + status + "' is not one of " + STATUSES);
        }
        Objects.requireNonNull(severityBreakdown, "severityBreakdown");
        drifts = List.copyOf(Objects.requireNonNull(drifts, "drifts"));
        mitigationActions = List.copyOf(Objects.requireNonNull(mitigationActions, "mitigationActions"));
        if (totalChecks != drifts.size()) {
            throw new IllegalArgumentException(
                    "totalChecks " + totalChecks + " differs from the " + drifts.size() + " checks listed");
        }
    }

    public static DriftAnalysis of(
            Instant generatedAt,
            String mode,
            Map<String, DriftWindow> windows,
            String status,
            boolean complete,
            int driftsDetected,
            int criticalDrifts,
            SeverityBreakdown severityBreakdown,
            List<Drift> drifts,
            List<Mitigation> mitigationActions,
            CanaryScore canary,
            String reason) {
        return new DriftAnalysis(
                FileKind.DRIFT_ANALYSIS.schemaVersion(),
                FileKind.DRIFT_ANALYSIS.id(),
                generatedAt,
                mode,
                windows,
                status,
                complete,
                drifts.size(),
                driftsDetected,
                criticalDrifts,
                severityBreakdown,
                drifts,
                mitigationActions,
                canary,
                reason);
    }

    /** How many checks had each severity (significant changes in the bad direction; none is not counted). */
    public record SeverityBreakdown(int info, int warning, int critical) {}
}
