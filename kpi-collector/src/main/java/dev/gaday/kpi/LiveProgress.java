package dev.gaday.kpi;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.kpi.collect.LiveRun;
import java.io.PrintWriter;
import java.time.Instant;

/** A progress line rewritten in place on a terminal; plain log lines otherwise (CI logs, files). */
final class LiveProgress implements LiveRun.Progress {
    private final Diagnostics diagnostics;
    private final boolean terminal;
    private final PrintWriter err;
    private boolean lineOpen;

    LiveProgress(Diagnostics diagnostics, boolean terminal, PrintWriter err) {
        this.diagnostics = diagnostics;
        this.terminal = terminal;
        this.err = err;
    }

    @Override
    public void snapshotWritten(KpiSnapshot snapshot, int total) {
        Double availability = snapshot.overall().availabilityPercent();
        String line = "snapshot " + snapshot.sequence() + "/" + total + " to "
                + snapshot.window().end()
                + ": availability " + ReportFormat.percent(availability, 3)
                + ", requests " + ReportFormat.count(snapshot.overall().totalRequests())
                + (snapshot.gaps().isEmpty() ? "" : ", " + snapshot.gaps().size() + " gap(s)");
        if (terminal && diagnostics.verbosity() >= 0) {
            int width = 30;
            int done = (int) ((long) snapshot.sequence() * width / total);
            err.print("\r[" + "#".repeat(done) + " ".repeat(width - done) + "] " + line + "   ");
            err.flush();
            lineOpen = true;
        } else {
            diagnostics.info(line);
        }
    }

    @Override
    public void done() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    @Override
    public void waiting(Instant next, int written, int total) {
        diagnostics.debug("waiting for snapshot " + (written + 1) + "/" + total + " at " + next);
    }
}
