package dev.gaday.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.cli.CommandRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input of every kind: one line on stderr, the documented exit code, no output file. */
class CommandLineTest {
    @TempDir
    Path dir;

    private CommandRun run(String... args) {
        return CommandRun.of(new MonitorSlosCommand(), args);
    }

    private void assertOneLine(CommandRun run, int exitCode, String fragment) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains(fragment), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        // Not even an empty output directory: the run created it and wrote nothing.
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private CommandRun withSlos(String yaml) throws IOException {
        Path slos = dir.resolve("slos.yaml");
        Files.writeString(slos, yaml);
        return run(
                "--prometheus-url",
                "http://127.0.0.1:9",
                "--ga-start",
                "2026-06-01T00:00:00Z",
                "--ga-end",
                "2026-06-02T00:00:00Z",
                "--slos",
                slos.toString(),
                "-o",
                dir.resolve("out").toString());
    }

    @Test
    void malformedYamlIsOneLineExitTwo() throws IOException {
        assertOneLine(withSlos("slos: [ {name: x\n"), 2, "slos.yaml");
    }

    @Test
    void objectiveOfHundredOrZeroIsRefused() throws IOException {
        assertOneLine(
                withSlos("slos:\n  - {name: x, objective: 100, sli: {latency: {metric: m, threshold: 1}}}\n"),
                2,
                "objective 100");
        assertOneLine(
                withSlos("slos:\n  - {name: x, objective: 0, sli: {latency: {metric: m, threshold: 1}}}\n"),
                2,
                "objective 0");
    }

    @Test
    void unknownSliKindIsRefused() throws IOException {
        assertOneLine(
                withSlos("slos:\n  - {name: x, objective: 99, sli: {plugin: {id: y}}}\n"),
                2,
                "unknown SLI kind 'plugin'");
    }

    @Test
    void aWindowIsRequired() {
        assertOneLine(run("--prometheus-url", "http://127.0.0.1:9"), 2, "give a window");
        assertOneLine(
                run(
                        "--prometheus-url",
                        "http://127.0.0.1:9",
                        "--ga-start",
                        "2026-06-02T00:00:00Z",
                        "--ga-end",
                        "2026-06-01T00:00:00Z"),
                2,
                "is not after");
        assertOneLine(
                run(
                        "--prometheus-url",
                        "http://127.0.0.1:9",
                        "--ga-start",
                        "2026-06-01T00:00:00Z",
                        "--ga-end",
                        "2026-06-02T00:00:00Z",
                        "--policy",
                        "fast"),
                2,
                "--policy 'fast'");
    }

    @Test
    void anUnreachableServerIsExitFourWithoutAFile() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CommandRun run = run(
                "--prometheus-url",
                "http://127.0.0.1:" + port,
                "--max-retries",
                "0",
                "--ga-start",
                "2026-06-01T00:00:00Z",
                "--ga-end",
                "2026-06-02T00:00:00Z",
                "-o",
                dir.resolve("out").toString());
        assertOneLine(run, 4, "127.0.0.1:" + port);
    }

    private Path sloth() throws IOException {
        Path file = dir.resolve("sloth.yaml");
        Files.writeString(
                file,
                """
                version: "prometheus/v1"
                service: "api"
                slos:
                  - name: "availability"
                    objective: 99.9
                    sli:
                      events:
                        error_query: sum(rate(http_requests_total{status=~"5.."}[{{.window}}]))
                        total_query: sum(rate(http_requests_total[{{.window}}]))
                """);
        return file;
    }

    @Test
    void importWritesSlosYamlIntoTheOutputDirectory() throws IOException {
        Path out = dir.resolve("imported");
        CommandRun r = run("import", "--sloth", sloth().toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
        assertTrue(Files.readString(out.resolve("slos.yaml")).contains("api-availability"));
    }

    @Test
    void importWritesTheFileGivenWithOutputFile() throws IOException {
        Path file = dir.resolve("my-slos.yaml");
        CommandRun r = run("import", "--sloth", sloth().toString(), "--output-file", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
        assertTrue(Files.readString(file).contains("api-availability"));
    }

    @Test
    void importsOldDashOFileFormStillWritesThatFileWithOneWarning() throws IOException {
        Path file = dir.resolve("slos.yaml");
        CommandRun r = run("import", "--sloth", sloth().toString(), "-o", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(file), r.err());
        assertTrue(Files.readString(file).contains("api-availability"));
        assertEquals(
                List.of("slo-monitor: warning: -o " + file + ": -o FILE is deprecated (-o is an output directory in"
                        + " every tool); use --output-file " + file),
                r.errLines().stream().filter(l -> l.contains("warning")).toList());
        // An existing file is overwritten the same way (the old form, run again).
        r = run("import", "--sloth", sloth().toString(), "-o", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(file), r.err());
    }

    @Test
    void importNeedsExactlyOneDestination() throws IOException {
        Path sloth = sloth();
        assertOneLine(run("import", "--sloth", sloth.toString()), 2, "missing -o DIR");
        assertOneLine(
                run(
                        "import",
                        "--sloth",
                        sloth.toString(),
                        "-o",
                        dir.resolve("d").toString(),
                        "--output-file",
                        dir.resolve("f.yaml").toString()),
                2,
                "mutually exclusive");
        assertFalse(Files.exists(dir.resolve("d")));
        assertFalse(Files.exists(dir.resolve("f.yaml")));
    }

    @Test
    void aTokenInThePrometheusUrlsQueryIsNeverShown() throws IOException {
        CommandRun run = run(
                "--prometheus-url",
                "http://127.0.0.1:9/?token=s3cr3tq",
                "--ga-start",
                "2026-06-01T00:00:00Z",
                "--ga-end",
                "2026-06-02T00:00:00Z",
                "--format",
                "json",
                "-o",
                dir.resolve("out").toString());
        assertOneLine(run, 2, "--prometheus-url 'http://127.0.0.1:9/?…': must not have a query or fragment");
        assertFalse(run.err().contains("s3cr3tq") || run.out().contains("s3cr3tq"), run.err() + run.out());
        try (var written = Files.walk(dir)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("s3cr3tq"), file.toString());
            }
        }
    }

    @Test
    void helpRendersWithoutWarnings() {
        for (String[] args : new String[][] {{"--help"}, {"check", "--help"}, {"import", "--help"}}) {
            CommandRun help = run(args);
            assertEquals(0, help.exitCode(), help.err());
            assertEquals("", help.err(), String.join(" ", args));
            assertTrue(help.out().contains("Usage: slo-monitor"), help.out());
        }
    }
}
