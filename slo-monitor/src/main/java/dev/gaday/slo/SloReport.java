package dev.gaday.slo;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.Finding;
import dev.gaday.common.cli.RunReport;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One stderr line per SLO and one for the verdict (diagnostics: the data are in the file). */
final class SloReport {
    private SloReport() {}

    static void print(Diagnostics diagnostics, SloStatus status) {
        for (SloResult slo : status.slos()) {
            String budget = slo.errorBudget() == null
                    ? "budget n/a"
                    : String.format(
                            Locale.ROOT, "budget %.1f%% left", slo.errorBudget().remainingPercent());
            diagnostics.info(String.format(
                    Locale.ROOT,
                    "%s: %s, %s%s",
                    slo.name(),
                    slo.state(),
                    budget,
                    slo.reason() == null ? "" : " (" + slo.reason() + ")"));
        }
        diagnostics.info("SLO status " + status.status() + ": " + status.slos().size() + " SLOs, "
                + status.violations().size() + " violations");
    }

    /**
     * The run summary: each SLO not OK (budget exhausted or paging: FAIL; a ticket: WARN; no traffic, no data,
     * a query error or too few events: NO_DATA), with its error ratio against the objective.
     */
    static RunReport runReport(SloStatus status, ExitCode exit, Path file) {
        List<Finding> findings = new ArrayList<>();
        for (SloResult slo : status.slos()) {
            Status severity =
                    switch (slo.state()) {
                        case "OK" -> null;
                        case "BUDGET_EXHAUSTED", "PAGE" -> Status.FAIL;
                        case "TICKET" -> Status.WARN;
                        default -> Status.NO_DATA;
                    };
            if (severity == null) {
                continue;
            }
            String observed = slo.errorBudget() == null
                    ? null
                    : "budget " + ReportFormat.percent(slo.errorBudget().remainingPercent(), 1) + " left";
            findings.add(new Finding(
                    severity,
                    slo.name(),
                    slo.service() == null || slo.service().isEmpty() ? null : "service " + slo.service(),
                    observed,
                    "objective " + ReportFormat.number(slo.objective(), 4) + "%",
                    slo.state() + (slo.reason() == null ? "" : ": " + slo.reason()),
                    0));
        }
        return RunReport.of(
                "slo-monitor",
                exit,
                status.partial(),
                status.slos().size() + " SLOs, " + status.violations().size() + " violations",
                findings,
                List.of(file.toString()));
    }
}
