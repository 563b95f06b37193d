package dev.gaday.slo;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.model.slo.SloResult;
import dev.gaday.common.model.slo.SloStatus;
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
}
