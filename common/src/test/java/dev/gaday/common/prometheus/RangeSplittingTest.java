package dev.gaday.common.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 24 h range at a 5 s step goes out as two requests and comes back as one matrix, every point once. */
class RangeSplittingTest {
    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final long START = 1_763_596_800L; // 2025-11-20T00:00:00Z
    private static final long END = START + 86_400;
    private static final int STEP = 5;

    /** Series "a" has value k at start + k*step; series "b" only exists from {@code bFrom} on. */
    private static String chunkBody(long from, long to, long bFrom, boolean echoNextPoint) {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        long last = echoNextPoint ? to + STEP : to;
        for (long t = from; t <= last; t += STEP) {
            String sample = "[" + t + ",\"" + (t - START) / STEP + "\"]";
            a.append(a.length() == 0 ? "" : ",").append(sample);
            if (t >= bFrom) {
                b.append(b.length() == 0 ? "" : ",").append(sample);
            }
        }
        String series = "{\"metric\":{\"service\":\"a\"},\"values\":[" + a + "]}"
                + (b.length() == 0 ? "" : ",{\"metric\":{\"service\":\"b\"},\"values\":[" + b + "]}");
        return "{\"status\":\"success\",\"warnings\":[\"chunk " + from + "\",\"same\"],"
                + "\"data\":{\"resultType\":\"matrix\",\"result\":[" + series + "]}}";
    }

    @Test
    void dayAtFiveSecondsIsSplitAndStitched() {
        long firstEnd = START + 10_999L * STEP;
        long secondStart = firstEnd + STEP;
        long bFrom = START + 12_000L * STEP; // "b" appears only in the second chunk
        // The first chunk's answer also carries the second chunk's first point: it must appear once.
        wire.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .withFormParam("start", equalTo(START + ".000"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(chunkBody(START, firstEnd, bFrom, true))));
        wire.stubFor(post(urlPathEqualTo("/api/v1/query_range"))
                .withFormParam("start", equalTo(secondStart + ".000"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(chunkBody(secondStart, END, bFrom, false))));
        HttpPrometheusClient client =
                new HttpPrometheusClient(PrometheusEndpoint.of(wire.baseUrl()).withRetryPolicy(RetryPolicy.none()));

        QueryResult.Matrix matrix = client.queryRange(
                "x", Instant.ofEpochSecond(START), Instant.ofEpochSecond(END), Duration.ofSeconds(STEP));

        wire.verify(exactly(2), postRequestedFor(urlPathEqualTo("/api/v1/query_range")));
        wire.verify(postRequestedFor(urlPathEqualTo("/api/v1/query_range"))
                .withFormParam("query", equalTo("x"))
                .withFormParam("start", equalTo(START + ".000"))
                .withFormParam("end", equalTo(firstEnd + ".000"))
                .withFormParam("step", equalTo("5.000")));
        wire.verify(postRequestedFor(urlPathEqualTo("/api/v1/query_range"))
                .withFormParam("start", equalTo(secondStart + ".000"))
                .withFormParam("end", equalTo(END + ".000"))
                .withFormParam("step", equalTo("5.000")));

        assertEquals(2, matrix.series().size());
        QueryResult.Series a = matrix.series().get(0);
        assertEquals(Map.of("service", "a"), a.metric());
        assertEquals(17_281, a.samples().size());
        for (int k = 0; k < a.samples().size(); k++) {
            assertEquals(
                    Instant.ofEpochSecond(START + (long) k * STEP),
                    a.samples().get(k).time(),
                    "time " + k);
            assertEquals(k, a.samples().get(k).value(), "value " + k);
        }
        QueryResult.Series b = matrix.series().get(1);
        assertEquals(Map.of("service", "b"), b.metric());
        assertEquals(17_281 - 12_000, b.samples().size());
        assertEquals(Instant.ofEpochSecond(bFrom), b.samples().get(0).time());
        assertEquals(List.of("chunk " + START, "same", "chunk " + secondStart), matrix.warnings());
    }
}
