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
        diagnostics.info("SLO status " + status.status() + ": " + headline(status));
    }

    /**
     * The run summary: each SLO not OK (budget exhausted or paging: FAIL; a ticket: WARN; no traffic, no data,
     * a query error or too few events: NO_DATA), with its error ratio against the objective.
     */
    static RunReport runReport(SloStatus status, ExitCode exit, Path file) {
        List<Finding> findings = new ArrayList<>();
        for (SloResult slo : status.slos()) {
            Status severity = severity(slo);
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
                "slo-monitor", exit, status.partial(), headline(status), findings, List.of(file.toString()));
    }

    /** An SLO's standing in the run summary; null when it is OK. */
    private static Status severity(SloResult slo) {
        return switch (slo.state()) {
            case "OK" -> null;
            case "BUDGET_EXHAUSTED", "PAGE" -> Status.FAIL;
            case "TICKET" -> Status.WARN;
            default -> Status.NO_DATA;
        };
    }

    /**
     * "100 SLOs: 97 OK, 2 failing, 1 warning; 3 alert episodes" — SLOs counted by their state, and alert episodes
     * apart (a budget can be exhausted without an alert firing in the window, and one SLO can fire several times).
     */
    static String headline(SloStatus status) {
        int failing = 0;
        int warning = 0;
        int noData = 0;
        for (SloResult slo : status.slos()) {
            Status severity = severity(slo);
            if (severity == Status.FAIL) {
                failing++;
            } else if (severity == Status.WARN) {
                warning++;
            } else if (severity == Status.NO_DATA) {
                noData++;
            }
        }
        int ok = status.slos().size() - failing - warning - noData;
        StringBuilder line = new StringBuilder()
                .append(status.slos().size())
                .append(status.slos().size() == 1 ? " SLO: " : " SLOs: ")
                .append(ok)
                .append(" OK");
        if (failing > 0) {
            line.append(", ").append(failing).append(" failing");
        }
        if (warning > 0) {
            line.append(", ").append(warning).append(" warning");
        }
        if (noData > 0) {
            line.append(", ").append(noData).append(" without data");
        }
        int episodes = status.violations().size();
        return line.append("; ")
                .append(episodes)
                .append(episodes == 1 ? " alert episode" : " alert episodes")
                .toString();
    }
}
