package dev.gaday.kpi.query;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gaday.common.cli.Diagnostics;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.common.prometheus.RetryPolicy;
import dev.gaday.kpi.config.KpiConfig;
import dev.gaday.kpi.config.KpiConfigLoader;
import dev.gaday.kpi.config.QueryKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timeouts injected with WireMock (faults are what it is for) over real HTTP: the whole range times out, on
 * the server (503, errorType timeout, as Prometheus answers past --query.timeout) or at the client (no answer
 * within the request timeout); its halves answer. The query is split by time, the timeout is not retried as
 * is, and the halves are stitched into one answer.
 */
class SplitOnTimeoutTest {
    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final long S = 1_780_272_000L;
    private static final KpiConfig CONFIG = KpiConfigLoader.load(null);
    private static final String PROMQL = CONFIG.render(QueryKey.REQUESTS, 300);

    private final StringWriter log = new StringWriter();

    private static String form(long start, long end) {
        return "start=" + start + ".000&end=" + end + ".000";
    }

    private static ResponseDefinitionBuilder matrix(long... times) {
        StringBuilder values = new StringBuilder();
        for (long time : times) {
            values.append(values.length() == 0 ? "" : ",")
                    .append("[")
                    .append(time)
                    .append(",\"")
                    .append(time - S)
                    .append("\"]");
        }
        return aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                        + "{\"service\":\"checkout\"},\"values\":[" + values + "]}]}}");
    }

    private static void halvesAnswer() {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .withRequestBody(containing(form(S, S + 300)))
                .willReturn(matrix(S, S + 300)));
        wire.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .withRequestBody(containing(form(S + 600, S + 900)))
                .willReturn(matrix(S + 600, S + 900)));
    }

    private QueryResult.Matrix query(Duration requestTimeout) {
        HttpPrometheusClient client = new HttpPrometheusClient(PrometheusEndpoint.of(wire.baseUrl())
                .withRequestTimeout(requestTimeout)
                .withRetryPolicy(RetryPolicy.defaults()
                        .withMaxRetries(1)
                        .withDelays(Duration.ofMillis(1), Duration.ofMillis(1))));
        QuerySplitter splitter = new QuerySplitter(
                client,
                new ShardedQueries(CONFIG),
                new Diagnostics("kpi-collector", new PrintWriter(log, true), 1),
                Duration.ofMinutes(2),
                System::nanoTime);
        return splitter.range(
                QueryKey.REQUESTS,
                PROMQL,
                Instant.ofEpochSecond(S),
                Instant.ofEpochSecond(S + 900),
                Duration.ofMinutes(5));
    }

    private static void assertStitched(QueryResult.Matrix answer) {
        assertEquals(1, answer.series().size());
        List<QueryResult.Sample> samples = answer.series().get(0).samples();
        assertEquals(
                List.of(
                        new QueryResult.Sample(Instant.ofEpochSecond(S), 0),
                        new QueryResult.Sample(Instant.ofEpochSecond(S + 300), 300),
                        new QueryResult.Sample(Instant.ofEpochSecond(S + 600), 600),
                        new QueryResult.Sample(Instant.ofEpochSecond(S + 900), 900)),
                samples);
    }

    private static int requests(long start, long end) {
        return wire.findAll(postRequestedFor(urlPathEqualTo("/api/v1/query_range"))
                        .withRequestBody(containing(form(start, end))))
                .size();
    }

    @Test
    void aServerTimeoutOfTheWholeRangeIsSplitByTimeNotRetried() {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .withRequestBody(containing(form(S, S + 900)))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"errorType\":\"timeout\","
                                + "\"error\":\"query timed out in expression evaluation\"}")));
        halvesAnswer();

        assertStitched(query(Duration.ofSeconds(5)));

        assertEquals(1, requests(S, S + 900), "a server timeout is not retried as it is");
        assertEquals(1, requests(S, S + 300));
        assertEquals(1, requests(S + 600, S + 900));
        assertEquals(
                List.of("kpi-collector: split queries.requests into 2 parts by time (4 steps from "
                        + Instant.ofEpochSecond(S) + "): timed out on the server (Prometheus's --query.timeout)"),
                log.toString().lines().toList());
    }

    @Test
    void aClientTimeoutOfTheWholeRangeIsSplitByTimeAfterItsRetries() {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .withRequestBody(containing(form(S, S + 900)))
                .willReturn(matrix(S, S + 300, S + 600, S + 900).withFixedDelay(1_500)));
        halvesAnswer();

        assertStitched(query(Duration.ofMillis(400)));

        assertEquals(2, requests(S, S + 900), "one retry, as for any timeout");
        assertTrue(
                log.toString()
                        .lines()
                        .anyMatch(l -> l.equals("kpi-collector: split queries.requests into 2 parts by"
                                + " time (4 steps from " + Instant.ofEpochSecond(S)
                                + "): no answer within the request timeout (--query-timeout)")),
                log.toString());
    }
}
