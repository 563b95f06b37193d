package dev.gaday.kpi;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.ProgressLine;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.kpi.collect.LiveRun;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Live collection's progress: snapshots done of planned, time elapsed and left, the last availability. */
final class LiveProgress implements LiveRun.Progress {
    private final Diagnostics diagnostics;
    private final ProgressLine line;
    private final Supplier<Instant> now;
    private final Instant end;

    LiveProgress(Diagnostics diagnostics, ProgressLine line, Supplier<Instant> now, Instant end) {
        this.diagnostics = diagnostics;
        this.line = line;
        this.now = now;
        this.end = end;
    }

    @Override
    public void snapshotWritten(KpiSnapshot snapshot, int total) {
        Double availability = snapshot.overall().availabilityPercent();
        String detail = "availability " + ReportFormat.percent(availability, 3)
                + ", requests " + ReportFormat.count(snapshot.overall().totalRequests())
                + (snapshot.gaps().isEmpty() ? "" : ", " + snapshot.gaps().size() + " gap(s)");
        // The run ends at a fixed time: the time left is known exactly, not estimated from the rate.
        Duration left = Duration.between(now.get(), end);
        line.update(snapshot.sequence(), total, left.isNegative() ? Duration.ZERO : left, detail);
    }

    @Override
    public void done() {
        line.finish();
    }

    @Override
    public void waiting(Instant next, int written, int total) {
        diagnostics.debug("waiting for snapshot " + (written + 1) + "/" + total + " at " + next);
    }
}
