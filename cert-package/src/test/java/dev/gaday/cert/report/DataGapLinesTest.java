package dev.gaday.cert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gaday.common.model.kpi.DataGap;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataGapLinesTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-06-02T00:00:00Z");
    private static final String NO_LIMIT = "not measured: the configuration has no memory-limit query";

    @Test
    void theSameGapOfSeveralServicesIsOneLineNamingThem() {
        List<DataGap> gaps = List.of(
                new DataGap("services[cart].memoryPercent", null, START, END, NO_LIMIT),
                new DataGap("services[search].memoryPercent", null, START, END, NO_LIMIT),
                new DataGap(
                        "services[search].p99LatencyMs",
                        null,
                        Instant.parse("2026-06-01T10:00:00Z"),
                        Instant.parse("2026-06-01T10:05:00Z"),
                        "no data"),
                new DataGap("services[shipping].memoryPercent", null, START, END, NO_LIMIT),
                new DataGap("services[web].memoryPercent", null, START, END, "another reason"),
                new DataGap("overall.meanTimeToRecoveryMinutes", null, START, END, "no down period"),
                new DataGap("overall.meanTimeToRecoveryMinutes", null, START, END, "no down period"));
        assertEquals(
                List.of(
                        "services[cart, search, shipping].memoryPercent over the whole window: " + NO_LIMIT,
                        "services[search].p99LatencyMs from 2026-06-01 10:00:00 UTC to 2026-06-01 10:05:00 UTC: no data",
                        "services[web].memoryPercent over the whole window: another reason",
                        "overall.meanTimeToRecoveryMinutes over the whole window: no down period"),
                KpiValues.gapLines(gaps, START, END));
    }

    @Test
    void aGapWithoutAnIntervalHasNone() {
        assertEquals(
                List.of("?: no reason given"),
                KpiValues.gapLines(List.of(new DataGap(null, null, null, null, "no reason given")), START, END));
    }
}
