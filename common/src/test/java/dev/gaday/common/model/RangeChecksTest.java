package dev.gaday.common.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.Certification;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.model.kpi.OverallKpis;
import dev.gaday.common.model.kpi.ServiceKpis;
import dev.gaday.common.model.kpi.Window;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values no tool can have measured are refused on reading, with the file and the field's JSON path. */
class RangeChecksTest {
    private static final Window WINDOW =
            new Window(Instant.parse("2026-01-15T00:00:00Z"), Instant.parse("2026-01-16T00:00:00Z"), 300);

    @TempDir
    Path dir;

    private static String summaryJson() {
        OverallKpis overall = new OverallKpis(
                99.5, 100.0, 0.5, 1000.0, 5.0, 10.0, 20.0, 30.0, null, null, null, 30.0, 0.01, 0.5, 0.0, null);
        ServiceKpis service = new ServiceKpis(
                "web", 99.5, 100.0, 1000.0, 5.0, 0.5, 10.0, 20.0, 30.0, 40.0, 0.5, 0.2, 120.0, 256.0, 50.0, null);
        return Json.write(new KpiSummary(
                1,
                "ga-kpi-summary",
                "test",
                Instant.parse("2026-01-16T00:05:00Z"),
                false,
                WINDOW,
                overall,
                List.of(service),
                null,
                null,
                null,
                new Certification(Status.PASS, List.of()),
                null,
                null));
    }

    private String refused(String json, Class<?> type) throws IOException {
        Path file = dir.resolve("input.json");
        Files.writeString(file, json);
        ToolException e = assertThrows(ToolException.class, () -> Json.readFile(file, type));
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theGoodSummaryReads() throws IOException {
        Path file = Files.writeString(dir.resolve("good.json"), summaryJson());
        assertEquals(99.5, Json.readFile(file, KpiSummary.class).overall().availabilityPercent());
    }

    @Test
    void anAvailabilityBeyondTheDoubleRangeIsRefused() throws IOException {
        String message = refused(
                summaryJson().replaceFirst("\"availabilityPercent\" : 99.5", "\"availabilityPercent\" : 1e400"),
                KpiSummary.class);
        assertTrue(message.contains("at overall.availabilityPercent: must be a number from 0 to 100"), message);
        assertTrue(message.contains("infinite"), message);
    }

    @Test
    void aPercentAbove100OrANegativeCountIsRefusedWithItsPath() throws IOException {
        String services = summaryJson();
        int at = services.indexOf("\"services\"");
        String percent = services.substring(0, at)
                + services.substring(at).replaceFirst("\"errorRatePercent\" : 0.5", "\"errorRatePercent\" : 150");
        assertTrue(refused(percent, KpiSummary.class)
                .contains("at services[0].errorRatePercent: must be a number " + "from 0 to 100, was 150"));
        String count = services.substring(0, at)
                + services.substring(at).replaceFirst("\"requests\" : 1000.0", "\"requests\" : -3");
        assertTrue(refused(count, KpiSummary.class)
                .contains("at services[0].requests: must be a number of 0 or more, was -3"));
        String latency = summaryJson().replaceFirst("\"p95LatencyMs\" : 20.0", "\"p95LatencyMs\" : -1e400");
        assertTrue(refused(latency, KpiSummary.class)
                .contains("at overall.p95LatencyMs: must be a number of 0 or more, was -infinite"));
    }

    @Test
    void aSnapshotIsCheckedLikeTheSummary() throws IOException {
        String snapshot = Json.write(new KpiSnapshot(
                1,
                "ga-kpi-snapshot",
                1,
                WINDOW,
                new OverallKpis(
                        99.0, null, 1.0, 10.0, 0.1, null, null, null, null, null, null, null, null, null, null, null),
                List.of(),
                List.of()));
        String message =
                refused(snapshot.replace("\"uptimePercent\" : null", "\"uptimePercent\" : 100.01"), KpiSnapshot.class);
        assertTrue(message.contains("at overall.uptimePercent: must be a number from 0 to 100"), message);
    }

    @Test
    void wsHealthValuesAreChecked() throws IOException {
        WsHealthMetrics metrics = new WsHealthMetrics(
                1,
                "ws-health-metrics",
                "test",
                "wss://x",
                null,
                null,
                60,
                2,
                10,
                9,
                1,
                90.0,
                new WsHealthMetrics.Latency(10.0, 9.0, 20.0, 25.0, 30.0),
                WsHealthMetrics.Latency.none(),
                1.5,
                2.0,
                1.2,
                new WsHealthMetrics.ServerDrops(0, 0, null, null),
                new WsHealthMetrics.Compliance(Status.PASS, List.of()),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        String json = Json.write(metrics);
        assertTrue(refused(
                        json.replace("\"successRatePercent\" : 90.0", "\"successRatePercent\" : 900"),
                        WsHealthMetrics.class)
                .contains("at successRatePercent: must be a number from 0 to 100"));
        assertTrue(refused(json.replace("\"p95\" : 20.0", "\"p95\" : -20"), WsHealthMetrics.class)
                .contains("at latencyMs.p95: must be a number of 0 or more, was -20"));
        assertTrue(refused(json.replace("\"connections\" : 2", "\"connections\" : -2"), WsHealthMetrics.class)
                .contains("at connections: must be 0 or more, was -2"));
        assertTrue(refused(
                        json.replace("\"maxDowntimeSeconds\" : 1.5", "\"maxDowntimeSeconds\" : 1e999"),
                        WsHealthMetrics.class)
                .contains("at maxDowntimeSeconds: must be a number of 0 or more, was infinite"));
    }
}
