package dev.gaday.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options and usage errors: one line on stderr, exit 2, nothing written. */
class CommandLineTest {
    @TempDir
    Path temp;

    @Test
    void printConfigShowsTheEffectiveConfiguration() throws Exception {
        CommandRun run = CommandRun.of(new CollectKpisCommand(), "--print-config");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("errorStatusRegex: \"5..\""), run.out());
        assertTrue(run.out().contains("latencyBuckets:"));
        // A comment above every key, and what is printed reads back as the same configuration.
        List<String> lines = run.out().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.matches(" *[A-Za-z0-9_]+:.*")) {
                String indent =
                        line.substring(0, line.length() - line.stripLeading().length());
                assertTrue(
                        lines.get(i - 1).startsWith(indent + "#") || line.equals("labels:"),
                        "no comment above " + line);
            }
        }
        assertTrue(
                run.out()
                        .contains("  # Overall availability must be at least this, percent.\n"
                                + "  availabilityPercent: 99.9\n"),
                run.out());
        java.nio.file.Path printed = java.nio.file.Files.createTempFile("kpi-config", ".yaml");
        java.nio.file.Files.writeString(printed, run.out());
        CommandRun again = CommandRun.of(new CollectKpisCommand(), "--print-config", "--config", printed.toString());
        java.nio.file.Files.delete(printed);
        assertEquals(run.out(), again.out());
    }

    @Test
    void helpListsTheExitCodes() {
        CommandRun run = CommandRun.of(new CollectKpisCommand(), "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit Codes:"));
        assertTrue(run.out().contains("--ga-start"));
        assertTrue(run.out().contains("--prometheus-url"));
        // Examples a user can copy: each command whole on one line, never continued with a backslash.
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"validate", "--help"})) {
            String help = CommandRun.of(new CollectKpisCommand(), args).out();
            List<String> examples = help.lines()
                    .dropWhile(l -> !l.startsWith("Examples:"))
                    .filter(l -> l.startsWith("  kpi-collector"))
                    .toList();
            assertTrue(examples.size() >= 2, help);
            assertTrue(help.lines().noneMatch(l -> l.endsWith("\\")), help);
            assertTrue(
                    help.lines()
                            .dropWhile(l -> !l.startsWith("Examples:"))
                            .skip(1)
                            .takeWhile(l -> !l.isBlank())
                            .allMatch(l -> l.startsWith("  kpi-collector ")),
                    help);
        }
    }

    @Test
    void usageErrorsAreOneLineAndWriteNothing() {
        Path output = temp.resolve("out");
        String[][] cases = {
            {"--prometheus-url", "http://127.0.0.1:9", "--output", output.toString()},
            {
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--ga-start",
                "yesterday",
                "--ga-end",
                "2025-01-16T00:00:00Z",
                "--output",
                output.toString()
            },
            {
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--ga-start",
                "2025-01-16T00:00:00Z",
                "--ga-end",
                "2025-01-15T00:00:00Z",
                "--output",
                output.toString()
            },
            {
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--ga-start",
                "2025-01-15T00:00:00Z",
                "--ga-end",
                "2999-01-15T00:00:00Z",
                "--output",
                output.toString()
            },
            {"--prometheus-url", "http://127.0.0.1:9", "--duration", "-1", "--output", output.toString()},
            {
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--duration",
                "1",
                "--interval",
                "0.001",
                "--output",
                output.toString()
            },
            {
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--duration",
                "1",
                "--ga-start",
                "2025-01-15T00:00:00Z",
                "--ga-end",
                "2025-01-16T00:00:00Z",
                "--output",
                output.toString()
            },
            {"--ga-start", "2025-01-15T00:00:00Z", "--ga-end", "2025-01-16T00:00:00Z", "--output", output.toString()},
        };
        for (String[] args : cases) {
            CommandRun run = CommandRun.of(new CollectKpisCommand(), args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + " -> " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("kpi-collector: "), run.err());
            assertTrue(!Files.exists(output), String.join(" ", args) + ": left " + output);
        }
    }

    @Test
    void anUnreachablePrometheusIsExitFourWithoutFiles() {
        Path output = temp.resolve("unreachable");
        CommandRun run = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--ga-start",
                "2025-01-15T00:00:00Z",
                "--ga-end",
                "2025-01-15T01:00:00Z",
                "--max-retries",
                "0",
                "--no-kubernetes",
                "--output",
                output.toString());
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(
                run.err().contains("Prometheus failed: ")
                        && run.err().contains("cannot connect to 127.0.0.1:9")
                        && run.err().contains("nothing written"),
                run.err());
        assertTrue(!Files.exists(output), "the output directory the run created is removed");
    }

    @Test
    void aTokenInThePrometheusUrlsQueryIsNeverShown() throws Exception {
        Path output = temp.resolve("query");
        CommandRun run = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                "http://127.0.0.1:9/?token=s3cr3tq",
                "--ga-start",
                "2025-01-15T00:00:00Z",
                "--ga-end",
                "2025-01-15T01:00:00Z",
                "--format",
                "json",
                "--output",
                output.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(
                List.of("kpi-collector: error: --prometheus-url 'http://127.0.0.1:9/?…': must not have a query or "
                        + "fragment"),
                run.errLines());
        assertTrue(!run.out().contains("s3cr3tq"), run.out());
        try (var written = Files.walk(temp)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                assertTrue(!Files.readString(file).contains("s3cr3tq"), file.toString());
            }
        }
    }

    @Test
    void aTokenFileThatIsADirectoryIsNamedAsADirectory() {
        CommandRun run = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--bearer-token-file",
                temp.toString(),
                "--ga-start",
                "2025-01-15T00:00:00Z",
                "--ga-end",
                "2025-01-15T01:00:00Z",
                "--output",
                temp.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(
                List.of("kpi-collector: error: --bearer-token-file " + temp + ": is a directory, not a file"),
                run.errLines());
    }

    @Test
    void anOutputUnderARegularFileIsExitFourNamingTheFile() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        CommandRun run = CommandRun.of(
                new CollectKpisCommand(),
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--ga-start",
                "2025-01-15T00:00:00Z",
                "--ga-end",
                "2025-01-15T01:00:00Z",
                "--no-kubernetes",
                "--output",
                file.resolve("out").toString());
        assertEquals(4, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(file + " is a file, not a directory"), run.err());
    }
}
