package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import dev.gaday.common.cli.ToolLauncher;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** kpi-collector speaks the toolkit's option vocabulary: durations with units, common's time converter. */
class OptionVocabularyTest {
    private static CollectKpisCommand parse(String... args) {
        CollectKpisCommand command = new CollectKpisCommand();
        ToolLauncher.newCommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void durationsWithUnits() {
        CollectKpisCommand command = parse("--duration", "24h", "--interval", "5m");
        assertEquals(Duration.ofHours(24), command.mode.duration);
        assertEquals(Duration.ofMinutes(5), command.interval);
        command = parse("--duration", "90m", "--interval", "60s");
        assertEquals(Duration.ofMinutes(90), command.mode.duration);
        assertEquals(Duration.ofSeconds(60), command.interval);
        assertEquals(Duration.ofDays(2), parse("--duration", "2d").mode.duration);
    }

    @Test
    void bareNumbersKeepTheirDocumentedUnits() {
        CollectKpisCommand command = parse("--duration", "24", "--interval", "5");
        assertEquals(Duration.ofHours(24), command.mode.duration);
        assertEquals(Duration.ofMinutes(5), command.interval);
        command = parse("--duration", "0.25", "--interval", "0.5");
        assertEquals(Duration.ofMinutes(15), command.mode.duration);
        assertEquals(Duration.ofSeconds(30), command.interval);
        assertEquals(Duration.ofMinutes(5), parse("--duration", "1").interval, "the default interval");
    }

    @Test
    void timesGoThroughCommonsInstantConverter() {
        CollectKpisCommand command = parse("--ga-start", "2025-01-15T02:00:00+02:00", "--ga-end", "now-1h");
        assertEquals(Instant.parse("2025-01-15T00:00:00Z"), command.mode.retroactive.start);
        Duration sinceEnd = Duration.between(command.mode.retroactive.end, Instant.now());
        assertTrue(
                sinceEnd.compareTo(Duration.ofMinutes(59)) > 0 && sinceEnd.compareTo(Duration.ofMinutes(61)) < 0,
                sinceEnd.toString());
    }

    @Test
    void badDurationsAreOneLineUsageErrors() {
        for (String[] args : new String[][] {
            {"--duration", "24x"},
            {"--duration", "0"},
            {"--duration", "32d"},
            {"--duration", "1", "--interval", "1.5s"},
            {"--duration", "1h", "--interval", "2h"},
            {"--ga-start", "2025-01-15", "--ga-end", "now"}
        }) {
            CommandRun run =
                    CommandRun.of(new CollectKpisCommand(), concat(args, "--prometheus-url", "http://127.0.0.1:9"));
            assertEquals(2, run.exitCode(), String.join(" ", args) + " -> " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
