package dev.gaday.kpi;

import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.http.HttpClients;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.kpi.config.KpiConfigLoader;

/**
 * A head start for a run: while the main thread has picocli read the command's annotations (a few
 * hundred ms on a cold JVM, on one core), a second thread loads and initialises what every run needs
 * next: OkHttp, Jackson with the serialisers of the files written, the built-in configuration.
 * Nothing it does is kept except in class state and Jackson's caches, so a failure here changes
 * nothing: the run itself does the same work again and reports any error.
 */
final class StartupWarmUp {
    private StartupWarmUp() {}

    static void startInBackground(String[] args) {
        if (ToolLauncher.asksForHelpOrVersion(args)) {
            return;
        }
        Thread thread = new Thread(StartupWarmUp::warmUp, "kpi-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void warmUp() {
        try {
            HttpClients.shared();
            Json.mapper().writerFor(KpiSnapshot.class);
            Json.mapper().writerFor(KpiSummary.class);
            KpiConfigLoader.load(null);
        } catch (RuntimeException | LinkageError ignored) {
            // Only a head start: the run does this work again and reports what fails.
        }
    }
}
