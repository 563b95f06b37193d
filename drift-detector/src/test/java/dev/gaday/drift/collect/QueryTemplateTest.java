package dev.gaday.drift.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryTemplateTest {
    private static final String ERRORS =
            "sum by (service) (increase(http_requests_total{status=~\"5..\",{{scope}}}[{{step}}]))";
    private static final String TOTAL = "sum by (service) (rate(http_requests_total{{{scope}}}[{{step}}]))";

    @Test
    void scopeAndStepAreFilledIn() {
        assertEquals(
                "sum by (service) (increase(http_requests_total{status=~\"5..\",track=\"canary\"}[60s]))",
                QueryTemplate.resolve(ERRORS, "track=\"canary\"", Duration.ofMinutes(1)));
        assertEquals(
                "sum by (service) (rate(http_requests_total{track=\"stable\",service=~\"a.*\"}[120s]))",
                QueryTemplate.resolve(TOTAL, " track=\"stable\",service=~\"a.*\" ", Duration.ofMinutes(2)));
    }

    @Test
    void anEmptyScopeLeavesNoStrayComma() {
        assertEquals(
                "sum by (service) (increase(http_requests_total{status=~\"5..\"}[60s]))",
                QueryTemplate.resolve(ERRORS, "", Duration.ofMinutes(1)));
        assertEquals(
                "sum by (service) (rate(http_requests_total{}[60s]))",
                QueryTemplate.resolve(TOTAL, null, Duration.ofMinutes(1)));
    }
}
