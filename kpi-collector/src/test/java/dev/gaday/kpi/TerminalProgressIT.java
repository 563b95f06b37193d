package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.TmuxTerminal;
import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.prometheus.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kpi-collector's live progress as a person sees it in an 80-column terminal (Debian's tmux, a real Prometheus):
 * one line redrawn in place with snapshots done of planned, elapsed and left; never wrapped. With stdout to a
 * file: plain lines only.
 */
class TerminalProgressIT {
    @TempDir
    static Path temp;

    static PrometheusServer prometheus;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Dataset dataset = GaDayGenerator.builder()
                .hours(2)
                .step(Duration.ofSeconds(60))
                .services(2)
                .build()
                .generate(temp.resolve("dataset"));
        prometheus = PrometheusServer.start(dataset);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private String command(String redirect) {
        return "'" + TmuxTerminal.java() + "' -cp '" + TmuxTerminal.testClassPath() + "' "
                + CollectKpisCommand.class.getName() + " --prometheus-url " + prometheus.url()
                + " --duration 8s --interval 1s --no-kubernetes -o '" + dir.resolve("kpis") + "'" + redirect;
    }

    @Test
    void liveProgressIsOneLineAt80Columns() throws Exception {
        try (TmuxTerminal terminal = TmuxTerminal.start(dir, 80, 40, command(""))) {
            boolean sawProgressDuringTheRun = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                List<String> rows = terminal.rows();
                long progressRows =
                        rows.stream().filter(r -> r.contains(" elapsed")).count();
                assertTrue(progressRows <= 1, "progress on more than one row:\n" + String.join("\n", rows));
                if (rows.stream().anyMatch(r -> r.startsWith("EXIT="))) {
                    break;
                }
                sawProgressDuringTheRun |= progressRows == 1;
                Thread.sleep(150);
            }
            int exit = terminal.awaitExit(Duration.ofSeconds(5));
            List<String> rows = terminal.rows();
            String all = String.join("\n", rows);
            // The generated day lies in the past: no traffic now, a gate without data (exit 3).
            assertEquals(3, exit, all);
            assertTrue(sawProgressDuringTheRun, all);
            int progress = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).contains(" elapsed")) {
                    progress = i;
                }
            }
            String line = rows.get(progress);
            assertTrue(
                    line.matches("kpi-collector (\\[[#.]+\\] )?8/8 snapshots, 0:\\d\\d elapsed, 0:00 left, "
                            + "availability .*"),
                    all);
            assertTrue(line.length() <= 79, line);
            // The next row is the verdict: the progress line did not wrap onto a second row.
            assertTrue(rows.get(progress + 1).startsWith("kpi-collector: "), all);
        }
    }

    @Test
    void withStdoutToAFileTheProgressIsPlainLines() throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        try (TmuxTerminal terminal = TmuxTerminal.start(dir, 80, 40, command(" > '" + out + "' 2> '" + err + "'"))) {
            assertEquals(3, terminal.awaitExit(Duration.ofSeconds(90)));
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        for (String text : List.of(stdout, stderr)) {
            assertFalse(text.contains("\r"), text);
            assertFalse(text.contains("\u001b"), text);
        }
        List<String> progress =
                stderr.lines().filter(l -> l.contains(" elapsed")).toList();
        assertEquals(2, progress.size(), stderr);
        assertTrue(progress.get(0).startsWith("kpi-collector: 1/8 snapshots, "), stderr);
        assertTrue(progress.get(1).startsWith("kpi-collector: 8/8 snapshots, "), stderr);
        assertTrue(stdout.startsWith("kpi-collector: "), stdout);
    }
}
