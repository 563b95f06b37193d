package dev.gaday.common.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.PrometheusException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults injected with WireMock: what is retried, how often, and the one error when it gives up. */
class HttpPrometheusClientRetryTest {
    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final Instant T = Instant.ofEpochSecond(1_763_640_000);
    private static final String OK =
            """
            {"status":"success","data":{"resultType":"scalar","result":[1763640000,"1"]}}""";

    private final FakeTime time = new FakeTime(true);

    private HttpPrometheusClient client(int maxRetries, Duration budget, Duration requestTimeout) {
        RetryPolicy policy =
                time.apply(RetryPolicy.defaults().withMaxRetries(maxRetries).withBudget(budget), () -> 0.5);
        return new HttpPrometheusClient(
                PrometheusEndpoint.of(wire.baseUrl()).withRetryPolicy(policy).withRequestTimeout(requestTimeout));
    }

    private HttpPrometheusClient client() {
        return client(4, Duration.ofMinutes(2), Duration.ofSeconds(5));
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withHeader("Content-Type", "application/json").withBody(OK);
    }

    /** Answers {@code failures} in turn, then success. */
    private static void failThenSucceed(ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = "after-" + (i + 1);
            wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                    .inScenario("faults")
                    .whenScenarioStateIs(state)
                    .willReturn(failures[i])
                    .willSetStateTo(next));
            state = next;
        }
        wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                .inScenario("faults")
                .whenScenarioStateIs(state)
                .willReturn(ok()));
    }

    private static int requestsMade() {
        return wire.findAll(postRequestedFor(urlPathEqualTo("/api/v1/query"))).size();
    }

    @Test
    void serviceUnavailableTwiceThenSuccess() {
        failThenSucceed(
                aResponse().withStatus(503).withBody("overloaded"), aResponse().withStatus(502));

        QueryResult result = client().query("up", T);

        assertEquals(
                1.0, assertInstanceOf(QueryResult.Scalar.class, result).sample().value());
        wire.verify(exactly(3), postRequestedFor(urlPathEqualTo("/api/v1/query")));
        // random 0.5 of caps 0.5 s and 1 s
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), time.sleeps);
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        failThenSucceed(aResponse().withStatus(429).withHeader("Retry-After", "3"));

        client().query("up", T);

        wire.verify(exactly(2), postRequestedFor(urlPathEqualTo("/api/v1/query")));
        assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps);
    }

    @Test
    void connectionResetIsRetried() {
        failThenSucceed(
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE));

        client().query("up", T);

        assertEquals(3, requestsMade());
        assertEquals(2, time.sleeps.size());
    }

    @Test
    void answerSlowerThanTheTimeoutIsRetried() {
        failThenSucceed(ok().withFixedDelay(3_000));

        QueryResult result =
                client(4, Duration.ofMinutes(1), Duration.ofMillis(300)).query("up", T);

        assertInstanceOf(QueryResult.Scalar.class, result);
        assertEquals(2, requestsMade());
    }

    @Test
    void timeoutOnEveryAttemptNamesTheTimeout() {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query")).willReturn(ok().withFixedDelay(2_000)));

        PrometheusException e =
                assertThrows(PrometheusException.class, () -> client(1, Duration.ofMinutes(1), Duration.ofMillis(200))
                        .query("up", T));

        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals(2, e.attempts());
        assertTrue(
                e.getMessage().contains("gave up after 2 attempts; last failure: no complete answer within 200ms"),
                e.getMessage());
    }

    @Test
    void badRequestIsNeverRetried() {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}")));

        PrometheusException e = assertThrows(PrometheusException.class, () -> client().query("sum(", T));

        wire.verify(exactly(1), postRequestedFor(urlPathEqualTo("/api/v1/query")));
        assertTrue(time.sleeps.isEmpty());
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals(1, e.attempts());
    }

    @Test
    void spentBudgetGivesOneClearErrorWithTheAttemptsCounted() {
        wire.stubFor(
                post(urlPathEqualTo("/api/v1/query"))
                        .willReturn(
                                aResponse()
                                        .withStatus(503)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"too many queries\"}")));

        String promql = "sum(rate(http_requests_total{status=~\"5..\"}[5m]))";
        PrometheusException e =
                assertThrows(PrometheusException.class, () -> client(100, Duration.ofSeconds(20), Duration.ofSeconds(5))
                        .query(promql, T));

        int made = requestsMade();
        assertEquals(made, e.attempts());
        assertTrue(made >= 5 && made < 100, "attempts " + made);
        assertTrue(time.nanoTime() <= Duration.ofSeconds(20).toNanos(), "stays within the budget");
        assertEquals(made - 1, time.sleeps.size());
        RetryPolicy policy = RetryPolicy.defaults();
        for (int i = 0; i < time.sleeps.size(); i++) {
            Duration sleep = time.sleeps.get(i);
            assertTrue(!sleep.isNegative() && sleep.compareTo(policy.backoffCap(i)) <= 0, "sleep " + i + ": " + sleep);
        }
        assertEquals(Kind.API_ERROR, e.kind());
        assertEquals(503, e.httpStatus());
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        String expectedStart = "POST " + wire.baseUrl() + "/api/v1/query [query=" + promql + ", time=" + T + "]: "
                + "retry budget of 20s spent after " + made + " attempts; last failure: Prometheus error "
                + "(HTTP 503 Service Unavailable, unavailable): too many queries";
        assertEquals(expectedStart, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void unreachableServerIsRetriedThenReported() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RetryPolicy policy = time.apply(RetryPolicy.defaults().withMaxRetries(2), () -> 0.5);
        HttpPrometheusClient client = new HttpPrometheusClient(
                PrometheusEndpoint.of("http://127.0.0.1:" + port).withRetryPolicy(policy));

        PrometheusException e = assertThrows(PrometheusException.class, () -> client.query("up", T));

        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals(3, e.attempts());
        assertEquals(2, time.sleeps.size());
        assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + port), e.getMessage());
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
    }
}
