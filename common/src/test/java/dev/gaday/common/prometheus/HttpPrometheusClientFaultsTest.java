package dev.gaday.common.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.prometheus.faults.FaultServer;
import dev.gaday.common.prometheus.faults.SourceFault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The broken-source corpus against the client: each fault is a PrometheusException naming it, never a result. */
class HttpPrometheusClientFaultsTest {
    private static final Instant TIME = Instant.parse("2026-01-15T00:00:00Z");

    static SourceFault[] faults() {
        return SourceFault.faults();
    }

    private static HttpPrometheusClient client(String url, long maxAnswerBytes) {
        return new HttpPrometheusClient(
                PrometheusEndpoint.of(url).withRetryPolicy(RetryPolicy.none()).withMaxAnswerBytes(maxAnswerBytes));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void everyFaultIsAnExceptionNamingTheCause(SourceFault fault) {
        try (FaultServer server = FaultServer.start(fault)) {
            HttpPrometheusClient client = client(server.url(), PrometheusEndpoint.DEFAULT_MAX_ANSWER_BYTES);
            PrometheusException instant = assertThrows(PrometheusException.class, () -> {
                QueryResult result = client.query("up", TIME);
                if (result instanceof QueryResult.StringValue) {
                    // A well-formed string answer: the client gives it; the tool refuses it (tested there).
                    throw PrometheusException.of(
                            PrometheusException.Kind.BAD_RESPONSE, "query", 200, null, "string", null, null);
                }
            });
            assertTrue(instant.getMessage().contains(fault.expectedInMessage()), instant.getMessage());
            assertEquals(1, instant.getMessage().lines().count(), instant.getMessage());
            PrometheusException range = assertThrows(
                    PrometheusException.class,
                    () -> client.queryRange("up", TIME, TIME.plusSeconds(600), Duration.ofMinutes(5)));
            assertTrue(
                    range.getMessage().contains(fault.expectedInMessage())
                            || fault == SourceFault.WRONG_RESULT_TYPE
                                    && range.getMessage().contains("expected a matrix"),
                    range.getMessage());
        }
    }

    @Test
    void noSeriesIsAnEmptyResultNotAFailure() {
        try (FaultServer server = FaultServer.start(SourceFault.NO_SERIES)) {
            HttpPrometheusClient client = client(server.url(), PrometheusEndpoint.DEFAULT_MAX_ANSWER_BYTES);
            assertEquals(
                    0, ((QueryResult.Vector) client.query("up", TIME)).samples().size());
            assertEquals(
                    0,
                    client.queryRange("up", TIME, TIME.plusSeconds(600), Duration.ofMinutes(5))
                            .series()
                            .size());
        }
    }

    @Test
    void anAnswerOverTheCapFailsOnceWithoutRetryAndNamesTheCap() {
        try (FaultServer server = FaultServer.oversized(4L * 1024 * 1024)) {
            HttpPrometheusClient client = new HttpPrometheusClient(PrometheusEndpoint.of(server.url())
                    .withRetryPolicy(RetryPolicy.defaults().withBudget(Duration.ofSeconds(20)))
                    .withMaxAnswerBytes(64 * 1024));
            PrometheusException e = assertThrows(PrometheusException.class, () -> client.query("up", TIME));
            assertEquals(PrometheusException.Kind.TOO_LARGE, e.kind());
            assertTrue(
                    e.getMessage().contains("larger than the cap of 65.5 KB (65536 bytes; --max-answer-size)"),
                    e.getMessage());
            assertEquals(1, server.requests(), "a too-large answer is not asked for again");
        }
    }

    @Test
    void anAnswerUnderTheCapIsReadWhole() {
        try (FaultServer server = FaultServer.oversized(2L * 1024 * 1024)) {
            HttpPrometheusClient client = client(server.url(), 4L * 1024 * 1024);
            QueryResult.Vector vector = (QueryResult.Vector) client.query("up", TIME);
            assertTrue(
                    vector.samples().size() > 7000,
                    "series: " + vector.samples().size());
        }
    }
}
