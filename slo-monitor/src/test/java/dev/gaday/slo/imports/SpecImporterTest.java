package dev.gaday.slo.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecImporterTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> slos) {
        return ((List<Map<String, Object>>) slos.get("slos")).get(0);
    }

    @Test
    void slothRatesBecomeCountsAndItsWindowTokenOurs() {
        assertEquals(
                "sum(increase(x_total{code=~\"5..\"}[{{window}}]))",
                SpecImporter.counting("sum(rate(x_total{code=~\"5..\"}[{{.window}}]))"));
        // irate and a metric called my_rate_total are left alone.
        assertEquals(
                "sum(irate(my_rate_total[{{window}}]))",
                SpecImporter.counting("sum(irate(my_rate_total[{{.window}}]))"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void openSloGoodRatioBecomesTotalMinusGood() throws Exception {
        Path file = dir.resolve("o.yaml");
        Files.writeString(
                file,
                """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: api}
                spec:
                  objectives: [{target: 0.995}]
                  indicator:
                    spec:
                      ratioMetric:
                        counter: true
                        good: {metricSource: {spec: {query: 'req_total{code!~"5.."}'}}}
                        total: {metricSource: {spec: {query: req_total}}}
                """);
        Map<String, Object> slo = first(SpecImporter.fromOpenSlo(file));
        assertEquals(99.5, slo.get("objective"));
        Map<String, String> events = (Map<String, String>) ((Map<String, Object>) slo.get("sli")).get("events");
        assertEquals("sum(increase(req_total[{{window}}]))", events.get("total"));
        assertEquals(
                "sum(increase(req_total[{{window}}])) - sum(increase(req_total{code!~\"5..\"}[{{window}}]))",
                events.get("errors"));
    }

    @Test
    void unsupportedSpecsAreOneUsageLine() throws Exception {
        Path sloth = dir.resolve("s.yaml");
        Files.writeString(
                sloth,
                """
                version: prometheus/v1
                service: api
                slos:
                  - name: ratio
                    objective: 99
                    sli: {raw: {error_ratio_query: 'x'}}
                """);
        ToolException e = assertThrows(ToolException.class, () -> SpecImporter.fromSloth(sloth));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("SLI kind 'raw' cannot be imported"), e.getMessage());

        Path timeslices = dir.resolve("t.yaml");
        Files.writeString(
                timeslices,
                """
                apiVersion: openslo/v1
                kind: SLO
                metadata: {name: api}
                spec: {budgetingMethod: Timeslices, objectives: [{target: 0.99}], indicator: {spec: {}}}
                """);
        e = assertThrows(ToolException.class, () -> SpecImporter.fromOpenSlo(timeslices));
        assertTrue(e.getMessage().contains("Timeslices is not supported"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
