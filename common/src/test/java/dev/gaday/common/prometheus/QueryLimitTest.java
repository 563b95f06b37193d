package dev.gaday.common.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.PrometheusException.Kind;
import dev.gaday.common.prometheus.PrometheusException.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Prometheus's query limits as it reports them (web/api/v1: errorType execution → 422, timeout → 503) are
 * told apart from other failures, and are not retried as they are: the same query would hit them again.
 */
class QueryLimitTest {
    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant T = Instant.ofEpochSecond(1_763_640_000);
    private final FakeTime time = new FakeTime(true);

    private HttpPrometheusClient client() {
        RetryPolicy policy = time.apply(RetryPolicy.defaults().withMaxRetries(4), () -> 0.5);
        return new HttpPrometheusClient(PrometheusEndpoint.of(wire.baseUrl()).withRetryPolicy(policy));
    }

    private PrometheusException failWith(int status, String errorType, String error) {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"errorType\":\"" + errorType + "\",\"error\":\"" + error
                                + "\"}")));
        return assertThrows(PrometheusException.class, () -> client().query("up", T));
    }

    private static int requests() {
        return wire.findAll(postRequestedFor(urlPathEqualTo("/api/v1/query"))).size();
    }

    @Test
    void tooManySamplesIsALimitAndNotRetried() {
        PrometheusException e = failWith(
                422, "execution", "query processing would load too many samples into memory in query execution");
        assertEquals(Optional.of(Limit.TOO_MANY_SAMPLES), e.limit());
        assertEquals(Kind.API_ERROR, e.kind());
        assertEquals(422, e.httpStatus());
        assertFalse(e.retryable());
        assertEquals(1, requests());
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
    }

    @Test
    void serverTimeoutIsALimitAndNotRetried() {
        PrometheusException e = failWith(503, "timeout", "query timed out in expression evaluation");
        assertEquals(Optional.of(Limit.SERVER_TIMEOUT), e.limit());
        assertFalse(e.retryable());
        assertEquals(1, requests());
    }

    @Test
    void contextDeadlineExceededIsAServerTimeout() {
        PrometheusException e = failWith(422, "execution", "expanding series: context deadline exceeded");
        assertEquals(Optional.of(Limit.SERVER_TIMEOUT), e.limit());
        assertEquals(1, requests());
    }

    /** VictoriaMetrics' own words (v1.x, HTTP 422 with errorType "422"), as its -search.max* limits give them. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "cannot execute query: cannot select more than -search.maxSamplesPerQuery=1000 samples; possible "
                        + "solutions: to increase the -search.maxSamplesPerQuery",
                "too many points for the given step=15000, start=1796532829000 and end=1796554429000: 1441; cannot "
                        + "exceed -search.maxPointsPerTimeseries=500",
                "error during time series unpacking: cannot process more than 100 samples per series; either "
                        + "increase -search.maxSamplesPerSeries or reduce time range for the query",
                "error when searching tsids: the number of matching timeseries exceeds 5; either narrow down the "
                        + "search or increase -search.max* command-line flag values at vmselect"
            })
    void victoriaMetricsSearchLimitsAreALimitAndNotRetried(String error) {
        PrometheusException e = failWith(422, "422", error);
        assertEquals(Optional.of(Limit.SEARCH_LIMIT), e.limit());
        assertFalse(e.retryable());
        assertEquals(1, requests());
        wire.resetAll();
    }

    @Test
    void aLimitNamedAfterWhereTheDetailIsCutIsStillFound() {
        String longQuery = "x".repeat(2_000);
        PrometheusException e = failWith(
                422,
                "422",
                "error when executing query=" + longQuery + ": cannot select more than -search.maxSamplesPerQuery=10 "
                        + "samples");
        assertFalse(
                e.detail().contains("maxSamplesPerQuery"),
                "the detail is cut short: " + e.detail().length());
        assertEquals(Optional.of(Limit.SEARCH_LIMIT), e.limit());
    }

    @Test
    void otherExecutionErrorsAndOverloadAreNoLimit() {
        PrometheusException execution =
                failWith(422, "execution", "vector cannot contain metrics with the same labelset");
        assertEquals(Optional.empty(), execution.limit());
        assertEquals(1, requests());
        wire.resetAll();
        PrometheusException unavailable = failWith(503, "unavailable", "too many queries");
        assertEquals(Optional.empty(), unavailable.limit());
        assertTrue(unavailable.attempts() > 1, "a 503 that is not a timeout is still retried");
    }

    @Test
    void clientTimeoutIsALimitAfterItsRetries() {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                .willReturn(aResponse()
                        .withFixedDelay(2_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")));
        RetryPolicy policy = time.apply(RetryPolicy.defaults().withMaxRetries(1), () -> 0.5);
        HttpPrometheusClient client = new HttpPrometheusClient(PrometheusEndpoint.of(wire.baseUrl())
                .withRetryPolicy(policy)
                .withRequestTimeout(Duration.ofMillis(200)));
        PrometheusException e = assertThrows(PrometheusException.class, () -> client.query("up", T));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(Optional.of(Limit.CLIENT_TIMEOUT), e.limit());
        assertEquals(2, e.attempts());
    }

    @Test
    void anInterruptedAttemptIsNotRetried() {
        java.util.List<Integer> retries = new java.util.ArrayList<>();
        RetryPolicy policy = time.apply(RetryPolicy.defaults(), () -> 0.5)
                .withListener((failure, next, max, delay) -> retries.add(next));
        PrometheusException e = assertThrows(
                PrometheusException.class,
                () -> policy.execute(left -> {
                    Thread.currentThread().interrupt();
                    throw PrometheusException.of(Kind.UNREACHABLE, "POST q", 0, null, "interrupted", null, null);
                }));
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        assertEquals(1, e.attempts());
        assertTrue(retries.isEmpty(), "no retry announced for a cancelled query: " + retries);
        assertTrue(time.sleeps.isEmpty());
        assertTrue(e.getMessage().contains("interrupted after 1 attempt"), e.getMessage());
    }
}
