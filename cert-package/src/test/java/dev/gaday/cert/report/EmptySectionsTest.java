package dev.gaday.cert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmptySectionsTest {
    private static final String TEMPLATE =
            """
            # Report

            ## Drift Analysis Summary

            ### Drift Detection Results
            - **Total Drift Checks:** {{TOTAL_DRIFT_CHECKS}}

            ### Drift Details
            {{INSERT_DRIFT_DETAILS}}

            ## KPI Summary
            - **Availability:** {{OVERALL_AVAILABILITY}}%

            ### Network
            - **In:** {{NETWORK_IN}}
            """;

    @Test
    void aSectionNoInputFillsBecomesOneLineNamingTheTool() {
        PlaceholderValues values = new PlaceholderValues();
        values.absent("TOTAL_DRIFT_CHECKS", "no input file drift_analysis.json");
        values.absent("INSERT_DRIFT_DETAILS", "no input file drift_analysis.json");
        values.text("OVERALL_AVAILABILITY", "99.9", null);
        values.absent("NETWORK_IN", "release file: values.NETWORK_IN absent");
        String out = EmptySections.collapse(TEMPLATE, values);
        assertTrue(
                out.contains("## Drift Analysis Summary\n\n*Not measured: run drift-detector and pass its "
                        + "drift_analysis.json with --inputs.*\n"),
                out);
        assertFalse(out.contains("Drift Details"), "the subsections go with their empty parent: " + out);
        assertTrue(out.contains("## KPI Summary\n- **Availability:** {{OVERALL_AVAILABILITY}}%"), out);
        assertTrue(out.contains("### Network\n\n*Not given:"), out);
        assertFalse(out.contains("{{NETWORK_IN}}"), out);
    }

    @Test
    void numberedEvidenceIsOneLinePerGroup() {
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 1; i <= 288; i++) {
            paths.add(String.format("artifacts/snapshot_%04d.json", i));
        }
        paths.add("artifacts/ws_health_metrics.json");
        assertEquals(
                List.of(
                        "artifacts/snapshot_0001.json … snapshot_0288.json — 288 files, 5-minute KPI snapshots",
                        "artifacts/ws_health_metrics.json (in this package)"),
                EvidenceGroups.describe(paths));
    }
}
