package dev.gaday.ws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.TmuxTerminal;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ws-health as a person sees it in an 80-column terminal (Debian's tmux): the progress is one line, redrawn in
 * place, never wrapped; with stdout to a file, plain progress lines and no escape or carriage return anywhere.
 */
class TerminalProgressIT {
    private static EchoChaosServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServers.start(ChaosSettings.none());
    }

    @AfterAll
    static void stopServer() {
        server.stopQuietly(Duration.ofSeconds(2));
    }

    private String command(String redirect) {
        return "'" + TmuxTerminal.java() + "' -cp '" + TmuxTerminal.testClassPath() + "' "
                + CheckWsHealthCommand.class.getName() + " --endpoint " + TestServers.url(server)
                + " --iterations 12 --interval 400ms --disconnect-mode drop -o '" + dir + "'" + redirect;
    }

    @Test
    void progressIsOneLineAt80Columns() throws Exception {
        try (TmuxTerminal terminal = TmuxTerminal.start(dir, 80, 40, command(""))) {
            boolean sawProgressDuringTheRun = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                List<String> rows = terminal.rows();
                long progressRows =
                        rows.stream().filter(r -> r.contains(" elapsed")).count();
                assertTrue(progressRows <= 1, "progress on more than one row:\n" + String.join("\n", rows));
                if (rows.stream().anyMatch(r -> r.startsWith("EXIT="))) {
                    break;
                }
                sawProgressDuringTheRun |=
                        progressRows == 1 && rows.stream().noneMatch(r -> r.startsWith("ws-health measured"));
                Thread.sleep(150);
            }
            assertEquals(0, terminal.awaitExit(Duration.ofSeconds(5)));
            assertTrue(sawProgressDuringTheRun, "no progress line during the run");
            List<String> rows = terminal.rows();
            String all = String.join("\n", rows);
            int progress = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).contains(" elapsed")) {
                    progress = i;
                }
            }
            String line = rows.get(progress);
            assertTrue(
                    line.matches("ws-health (\\[#+\\] )?12/12 cycles, \\d+:\\d\\d elapsed, 0:00 left, success 100%, "
                            + "p50 [0-9.,]+ ms"),
                    all);
            assertTrue(line.length() <= 79, line);
            // The next row is the summary's first: the progress line did not wrap onto a second row.
            assertTrue(rows.get(progress + 1).startsWith("ws-health measured "), all);
            assertTrue(
                    rows.stream()
                            .anyMatch(
                                    r -> r.matches("ws-health: (\u2714 )?PASS - .*12 of 12 reconnects " + "succeeded")),
                    all);
        }
    }

    @Test
    void withStdoutToAFileTheProgressIsPlainLines() throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        try (TmuxTerminal terminal = TmuxTerminal.start(dir, 80, 40, command(" > '" + out + "' 2> '" + err + "'"))) {
            assertEquals(0, terminal.awaitExit(Duration.ofSeconds(60)));
        }
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        for (String text : List.of(stdout, stderr)) {
            assertFalse(text.contains("\r"), text);
            assertFalse(text.contains("\u001b"), text);
        }
        List<String> progress =
                stderr.lines().filter(l -> l.contains(" elapsed")).toList();
        // Plain lines at a steady rate (one a minute): the first and the last of a short run.
        assertEquals(2, progress.size(), stderr);
        assertTrue(progress.get(0).matches("ws-health: \\d+/12 cycles, 0:0\\d elapsed, .*"), stderr);
        assertTrue(
                progress.get(1)
                        .matches("ws-health: 12/12 cycles, 0:\\d\\d elapsed, 0:00 left, success 100%, " + "p50 .*"),
                stderr);
        assertTrue(stdout.lines().anyMatch(l -> l.matches("ws-health: (\u2714 )?PASS - .*")), stdout);
    }
}
