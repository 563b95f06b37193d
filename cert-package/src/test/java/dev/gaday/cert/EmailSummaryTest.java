package dev.gaday.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The e-mail summary reads times as the report does, to the second in UTC, and dates its incidents. */
class EmailSummaryTest {
    @TempDir
    Path dir;

    @Test
    void timesReadAsTheReportsAndIncidentsSayWhen() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.writeInputs(in, "web", true);
        CommandRun run = CommandRunner.run(
                "--inputs", in.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        String email = Files.readString(dir.resolve("out/package/EMAIL_SUMMARY.txt"));
        assertTrue(email.contains("GA window:     2026-11-22 00:00:00 UTC to 2026-11-23 00:00:00 UTC\n"), email);
        assertTrue(
                email.lines().anyMatch(l -> l.matches("Generated: {5}\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC")),
                email);
        assertTrue(email.contains("  - SEV-2 Checkout errors after cache flush at 2026-11-22 14:05:00 UTC\n"), email);
        assertTrue(email.contains("  - WebSocket reconnects (ws-health's probe): "), "which source: " + email);
    }
}
