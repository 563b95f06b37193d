package dev.gaday.slo.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.slo.math.BurnRatePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloSpecLoaderTest {
    @TempDir
    Path dir;

    private List<SloDefinition> load(String yaml) throws IOException {
        Path file = dir.resolve("slos.yaml");
        Files.writeString(file, yaml);
        return SloSpecLoader.load(file);
    }

    private String refused(String yaml) {
        ToolException e = assertThrows(ToolException.class, () -> load(yaml));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsEventsAndLatencySlosWithPolicies() throws IOException {
        List<SloDefinition> slos = load(
                """
                policy: google-30d
                slos:
                  - name: api-availability
                    service: api
                    objective: 99.9
                    sli:
                      events:
                        errors: sum(increase(http_requests_total{service="api",status=~"5.."}[{{.window}}]))
                        total: sum(increase(http_requests_total{service="api"}[{{window}}]))
                    minEvents: 100
                  - name: api-latency
                    service: api
                    objective: 99
                    policy:
                      name: mine
                      alerts:
                        - {severity: page, longWindow: 10m, shortWindow: 2m, factor: 10}
                    sli:
                      latency: {metric: http_request_duration_seconds_bucket, selector: '{service="api"}', threshold: 0.5}
                """);
        assertEquals(2, slos.size());
        Sli.Events events = assertInstanceOf(Sli.Events.class, slos.get(0).sli());
        assertTrue(events.errors().contains("[{{window}}]"), events.errors());
        assertEquals(100L, slos.get(0).minEvents());
        assertEquals(BurnRatePolicy.google30d(), slos.get(0).policy());
        Sli.Latency latency = assertInstanceOf(Sli.Latency.class, slos.get(1).sli());
        assertEquals("http_request_duration_seconds", latency.metric());
        assertEquals("service=\"api\"", latency.selector());
        assertEquals(0.5, latency.threshold());
        assertEquals("mine", slos.get(1).policy().name());
        assertEquals(Duration.ofMinutes(2), slos.get(1).policy().rules().get(0).shortWindow());
        assertNull(slos.get(1).minEvents());
    }

    @Test
    void badInputIsOneUsageLine() {
        assertTrue(refused("slos: [ {name: a\n").contains("slos.yaml"));
        assertTrue(refused("slos:\n  - {name: a, objective: 100, sli: {latency: {metric: m, threshold: 1}}}\n")
                .contains("objective 100"));
        assertTrue(refused("slos:\n  - {name: a, objective: 0, sli: {latency: {metric: m, threshold: 1}}}\n")
                .contains("objective 0"));
        assertTrue(refused("slos:\n  - {name: a, objective: 99, sli: {raw: {ratio: x}}}\n")
                .contains("unknown SLI kind 'raw'"));
        assertTrue(refused("slos:\n  - {name: a, objective: 99, sli: {events: {errors: x, total: y}}}\n")
                .contains("{{window}}"));
        assertTrue(refused(
                        "slos:\n  - {name: a, objective: 99, policy: fast, sli: {latency: {metric: m, threshold: 1}}}\n")
                .contains("unknown policy 'fast'"));
        assertTrue(refused("slos:\n  - {name: a, objective: 99, sli: {latency: {metric: m, threshold: 1}}}\n"
                        + "  - {name: a, objective: 99, sli: {latency: {metric: m, threshold: 1}}}\n")
                .contains("twice"));
        assertTrue(refused("slos: []\n").contains("non-empty"));
        assertTrue(refused("slos:\n  - {name: a, objective: high, sli: {latency: {metric: m, threshold: 1}}}\n")
                .contains("must be a number"));
        assertTrue(refused("slos:\n  - {name: a, objective: 99, sli: {latency: {metric: m, threshold: 1}},"
                        + " policy: {alerts: [{severity: page, longWindow: 1m, shortWindow: 5m, factor: 2}]}}\n")
                .contains("longer than long window"));
    }

    @Test
    void missingFileIsAUsageLine() {
        ToolException e = assertThrows(ToolException.class, () -> SloSpecLoader.load(dir.resolve("none.yaml")));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void defaultsAreAvailabilityAndLatencyPerService() {
        List<SloDefinition> slos = DefaultSlos.forServices(List.of("checkout"));
        assertEquals(
                List.of("checkout-availability", "checkout-latency"),
                slos.stream().map(SloDefinition::name).toList());
        assertEquals(99.9, slos.get(0).objective());
        Sli.Latency latency = assertInstanceOf(Sli.Latency.class, slos.get(1).sli());
        assertEquals(1.0, latency.threshold());
        assertEquals(99.0, slos.get(1).objective());
    }
}
