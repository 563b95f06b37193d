package dev.gaday.kpi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiConfigTest {
    @TempDir
    Path temp;

    @Test
    void defaultsRenderEveryQueryGroupedByService() {
        KpiConfig config = KpiConfigLoader.load(null);
        assertEquals(
                "sum by (service, job) (increase(http_requests_total{status=~\"5..\"}[300s]))",
                config.render(QueryKey.ERRORS, 300));
        assertEquals(99.9, config.thresholds().availabilityPercent());
    }

    @Test
    void aUserFileOverridesKeyByKey() throws IOException {
        Path file = temp.resolve("c.yaml");
        Files.writeString(
                file,
                """
                labels:
                  service: job
                  status: code
                  selector: namespace="prod"
                metrics:
                  requests: http_server_requests_seconds_count
                thresholds:
                  availabilityPercent: 99.5
                """);
        KpiConfig config = KpiConfigLoader.load(file);
        assertEquals(
                "sum by (job) (increase(http_server_requests_seconds_count{code=~\"5..\",namespace=\"prod\"}[60s]))",
                config.render(QueryKey.ERRORS, 60));
        assertEquals(99.5, config.thresholds().availabilityPercent());
        assertEquals(0.1, config.thresholds().errorRatePercent(), "untouched keys keep their default");
        assertTrue(KpiConfigLoader.toYaml(config).contains("http_server_requests_seconds_count"));
    }

    @Test
    void badConfigurationsAreOneLineUsageErrors() throws IOException {
        Path unknown = temp.resolve("unknown.yaml");
        Files.writeString(unknown, "thresholds:\n  availabilityPct: 99\n");
        ToolException e = assertThrows(ToolException.class, () -> KpiConfigLoader.load(unknown));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("availabilityPct"), e.getMessage());

        // Read through the merged tree, the key's line comes from the file itself; no Java class is named.
        Path middle = temp.resolve("middle.yaml");
        Files.writeString(
                middle,
                "# overrides\nthresholds:\n  availabilityPercent: 99.5\n  errorRatePct: 1\n"
                        + "labels:\n  status: code\n");
        e = assertThrows(ToolException.class, () -> KpiConfigLoader.load(middle));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(
                e.getMessage().startsWith(middle + ":4: unknown key 'errorRatePct' in thresholds (known keys: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("dev.gaday") || e.getMessage().contains("class"), e.getMessage());
        Files.writeString(middle, "labels:\n  status: code\nversion: 2\nlabels2: {}\n");
        e = assertThrows(ToolException.class, () -> KpiConfigLoader.load(middle));
        assertTrue(e.getMessage().startsWith(middle + ":3: unknown key 'version' (known keys: "), e.getMessage());

        Path placeholder = temp.resolve("placeholder.yaml");
        Files.writeString(placeholder, "queries:\n  requests: sum(increase(${nope}[${window}]))\n");
        e = assertThrows(ToolException.class, () -> KpiConfigLoader.load(placeholder));
        assertTrue(e.getMessage().contains("${nope}"), e.getMessage());

        Path range = temp.resolve("range.yaml");
        Files.writeString(range, "thresholds:\n  availabilityPercent: 120\n");
        e = assertThrows(ToolException.class, () -> KpiConfigLoader.load(range));
        assertTrue(e.getMessage().contains("thresholds.availabilityPercent"), e.getMessage());

        Path broken = temp.resolve("broken.yaml");
        Files.writeString(broken, "labels: [unclosed\n");
        e = assertThrows(ToolException.class, () -> KpiConfigLoader.load(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
