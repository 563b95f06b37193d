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
        assertTrue(out.contains("### Network\n\n*Not given in the release file: values.NETWORK_IN.*"), out);
        assertFalse(out.contains("{{NETWORK_IN}}"), out);
    }

    @Test
    void aLoneUnfilledBlockInAKeptSectionSaysWhatWouldFillItOnItsOwnLine() {
        String template =
                """
                ## Customer Impact Assessment
                - **WebSocket Connection Success:** {{WS_CONNECTION_SUCCESS}}%
                {{INSERT_CUSTOMER_IMPACT}}

                ### C. Runbook References
                {{INSERT_RUNBOOK_REFERENCES}}

                **Pipeline Run:** {{PIPELINE_RUN_ID}} {{ARTIFACT_SHA256}}
                """;
        PlaceholderValues values = new PlaceholderValues();
        values.text("WS_CONNECTION_SUCCESS", "100", null);
        for (String name : List.of("INSERT_CUSTOMER_IMPACT", "INSERT_RUNBOOK_REFERENCES")) {
            values.absent(name, String.format(ReportValues.NOT_MEASURED, name, name));
        }
        values.text("PIPELINE_RUN_ID", "run-4242", null);
        values.absent("ARTIFACT_SHA256", "release file: values.ARTIFACT_SHA256 absent");
        String out = EmptySections.collapse(template, values);
        assertTrue(
                out.contains("- **WebSocket Connection Success:** {{WS_CONNECTION_SUCCESS}}%\n\n*Not given: the "
                        + "toolkit does not measure this; give it in the release file (values: or bindings: for "
                        + "INSERT_CUSTOMER_IMPACT)"),
                out);
        assertTrue(
                out.contains("### C. Runbook References\n*Not given: the toolkit does not measure this; give it in "
                        + "the release file (values: or bindings: for INSERT_RUNBOOK_REFERENCES)"),
                out);
        // A placeholder beside text stays, to be filled (or read N/A) where it stands.
        assertTrue(out.contains("**Pipeline Run:** {{PIPELINE_RUN_ID}} {{ARTIFACT_SHA256}}"), out);
        assertFalse(out.contains("{{INSERT_"), out);
    }

    @Test
    void bulletsNoInputFillsLeaveTheirListAndAreNamedOnceAfterIt() {
        String template =
                """
                ## Canary Deployment Results
                - **Canary Start:** {{CANARY_START_TIME}}
                - **Traffic Percentage:** {{CANARY_TRAFFIC_PERCENT}}%
                - **Error Rate:** {{CANARY_ERROR_RATE}}% (Target: <0.1%)
                Next paragraph.

                ### Sign-Off
                - **QA Lead:** {{QA_LEAD_NAME}} - {{QA_LEAD_DATE}}
                - **SRE Lead:** {{SRE_LEAD_NAME}} - {{SRE_LEAD_DATE}}
                - **Release Manager:** {{RM_NAME}} - {{RM_DATE}}
                """;
        PlaceholderValues values = new PlaceholderValues();
        String compareRun = "drift_analysis.json is a compare run, not a canary run";
        values.absent("CANARY_START_TIME", compareRun);
        values.absent("CANARY_ERROR_RATE", compareRun);
        values.text("CANARY_TRAFFIC_PERCENT", "5", null);
        values.absent("QA_LEAD_NAME", "release file: signOff.QA_LEAD absent");
        values.absent("QA_LEAD_DATE", "release file: signOff.QA_LEAD absent");
        values.absent("SRE_LEAD_NAME", "release file: signOff.SRE_LEAD absent");
        values.absent("SRE_LEAD_DATE", "release file: signOff.SRE_LEAD absent");
        values.text("RM_NAME", "Grace Hopper", null);
        values.absent("RM_DATE", "release file: signOff.RELEASE_MANAGER.date absent");
        String out = EmptySections.collapse(template, values);
        assertTrue(
                out.contains("## Canary Deployment Results\n- **Traffic Percentage:** {{CANARY_TRAFFIC_PERCENT}}%\n\n"
                        + "*Canary Start, Error Rate — not measured: drift_analysis.json is a compare run, not a canary "
                        + "run.*\n\nNext paragraph.\n"),
                out);
        // A bullet with one value keeps its line (its missing part reads N/A where it stands).
        assertTrue(
                out.contains("### Sign-Off\n- **Release Manager:** {{RM_NAME}} - {{RM_DATE}}\n\n*QA Lead, SRE Lead — "
                        + "not given in the release file: signOff.QA_LEAD, signOff.SRE_LEAD.*"),
                out);
    }

    @Test
    void placeholdersWithSpacesInsideTheBracesCountAsTheFillerReadsThem() {
        PlaceholderValues values = new PlaceholderValues();
        values.absent("TOTAL_DRIFT_CHECKS", "no input file drift_analysis.json");
        String out = EmptySections.collapse("## Drift\n- **Checks:** {{ TOTAL_DRIFT_CHECKS }}\n", values);
        assertEquals(
                "## Drift\n\n*Not measured: run drift-detector and pass its drift_analysis.json with --inputs.*\n",
                out);
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
