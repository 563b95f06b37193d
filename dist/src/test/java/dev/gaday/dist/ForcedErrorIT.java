package dev.gaday.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@link Error} in a real run of each released jar (metaspace too small for the classes a run loads)
 * is one stderr line and exit 4, never a stack trace and never exit 1, which means "a gate failed".
 */
class ForcedErrorIT {
    private static final String UNREACHABLE = "http://127.0.0.1:9";

    @TempDir
    static Path work;

    /** Arguments of a run that does real work (and so loads most of the tool's classes) without a server. */
    private static List<String> workArguments(String tool, Path out) {
        Path repository = Path.of(System.getProperty("dist.repository"));
        return switch (tool) {
            case "kpi-collector" -> List.of(
                    "--prometheus-url",
                    UNREACHABLE,
                    "--ga-start",
                    "2026-01-01T00:00:00Z",
                    "--ga-end",
                    "2026-01-02T00:00:00Z",
                    "--retry-budget",
                    "1s",
                    "-q",
                    "-o",
                    out.toString());
            case "cert-package" -> List.of(
                    "--inputs",
                    repository
                            .resolve("cert-package/src/test/resources/sample-inputs")
                            .toString(),
                    "-q",
                    "-o",
                    out.toString());
            case "ws-health" -> List.of(
                    "--endpoint",
                    "ws://127.0.0.1:9/ws",
                    "--iterations",
                    "1",
                    "--reconnect-timeout",
                    "2s",
                    "-q",
                    "-o",
                    out.toString());
            case "drift-detector" -> List.of(
                    "canary",
                    "--prometheus-url",
                    UNREACHABLE,
                    "--canary",
                    "track=\"canary\"",
                    "--stable",
                    "track=\"stable\"",
                    "--from",
                    "now-2h",
                    "--to",
                    "now",
                    "-q",
                    "-o",
                    out.toString());
            case "slo-monitor" -> List.of(
                    "--prometheus-url",
                    UNREACHABLE,
                    "--ga-start",
                    "now-2h",
                    "--ga-end",
                    "now",
                    "-q",
                    "-o",
                    out.toString());
            default -> throw new IllegalArgumentException(tool);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"kpi-collector", "cert-package", "ws-health", "drift-detector", "slo-monitor"})
    void anErrorIsOneLineAndExitFour(String tool) throws Exception {
        Path jar = Path.of(System.getProperty("dist.repository")).resolve(tool + "/target/" + tool + ".jar");
        List<String> command = new ArrayList<>(
                List.of(javaBinary(), "-XX:MaxMetaspaceSize=" + metaspace(tool), "-jar", jar.toString()));
        command.addAll(workArguments(tool, Files.createDirectories(work.resolve(tool))));
        ReleaseArchiveIT.work = work;
        ReleaseArchiveIT.Run run = ReleaseArchiveIT.Run.of(work, command.toArray(String[]::new));
        String err = run.err().strip();
        assertEquals(4, run.exit(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith(tool + ": error: out of memory (Metaspace)"), err);
        assertFalse(err.contains("\tat "), err);
    }

    /**
     * Small enough that the run's classes do not fit before it reaches its source (slo-monitor and drift-detector
     * load fewer: neither makes a JSON mapper before its first query).
     */
    private static String metaspace(String tool) {
        return tool.equals("slo-monitor") || tool.equals("drift-detector") ? "6m" : "8m";
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
