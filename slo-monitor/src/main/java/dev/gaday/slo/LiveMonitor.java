package dev.gaday.slo;

import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.cli.PrometheusConnectionMixin;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.io.PrintWriter;
import java.time.Duration;

/** The live mode. */
final class LiveMonitor {
    LiveMonitor(SloMonitorConfig config, PrometheusConnectionMixin prometheus, Diagnostics diagnostics,
                PrintWriter out, Duration interval, boolean resume, SlackNotifier slack) {
    }

    ExitCode run(Duration duration) {
        throw ToolException.usage("the live mode is not implemented in this version; use --ga-start/--ga-end");
    }
}
