package dev.gaday.common.prometheus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.prometheus.PrometheusException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Wire-format edge cases of the API's JSON, served by WireMock. */
class HttpPrometheusClientParsingTest {
    @RegisterExtension
    static WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().gzipDisabled(true))
            .build();

    private static final Instant T = Instant.ofEpochSecond(1_763_640_000);

    private HttpPrometheusClient client() {
        return new HttpPrometheusClient(PrometheusEndpoint.of(wire.baseUrl()).withRetryPolicy(RetryPolicy.none()));
    }

    private static void answerQuery(int status, String contentType, String body) {
        wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    private static void answerQuery(String json) {
        answerQuery(200, "application/json", json);
    }

    @Test
    void vectorWithLabelsAndSpecialValues() {
        answerQuery(
                """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"up","job":"api"},"value":[1763640000.5,"1"]},
                  {"metric":{"job":"nan"},"value":[1763640000.5,"NaN"]},
                  {"metric":{"job":"pinf"},"value":[1763640000.5,"+Inf"]},
                  {"metric":{"job":"ninf"},"value":[1763640000.5,"-Inf"]},
                  {"metric":{"job":"exp"},"value":[1763640000.5,"1.5e-07"]}]}}""");

        QueryResult.Vector vector = assertInstanceOf(QueryResult.Vector.class, client().query("up", T));

        assertEquals(5, vector.samples().size());
        QueryResult.InstantSample first = vector.samples().get(0);
        assertEquals(Map.of("__name__", "up", "job", "api"), first.metric());
        assertEquals(Instant.ofEpochMilli(1_763_640_000_500L), first.sample().time());
        assertEquals(1.0, first.sample().value());
        assertTrue(Double.isNaN(vector.samples().get(1).sample().value()));
        assertEquals(Double.POSITIVE_INFINITY, vector.samples().get(2).sample().value());
        assertEquals(Double.NEGATIVE_INFINITY, vector.samples().get(3).sample().value());
        assertEquals(1.5e-7, vector.samples().get(4).sample().value());
        assertEquals(List.of(), vector.warnings());
        wire.verify(postRequestedFor(urlPathEqualTo("/api/v1/query"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("query", equalTo("up"))
                .withFormParam("time", equalTo("1763640000.000")));
    }

    @Test
    void matrixScalarAndString() {
        wire.stubFor(
                post(urlPathEqualTo("/api/v1/query_range"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"service":"a"},"values":[[1763640000,"1"],[1763640015,"2.5"],[1763640030,"NaN"]]}]}}""")));
        QueryResult.Matrix matrix = client().queryRange(
                        "x",
                        Instant.ofEpochSecond(1_763_640_000),
                        Instant.ofEpochSecond(1_763_640_030),
                        Duration.ofSeconds(15));
        assertEquals(1, matrix.series().size());
        assertEquals("a", matrix.series().get(0).label("service"));
        List<QueryResult.Sample> samples = matrix.series().get(0).samples();
        assertEquals(3, samples.size());
        assertEquals(Instant.ofEpochSecond(1_763_640_015), samples.get(1).time());
        assertEquals(2.5, samples.get(1).value());
        assertTrue(Double.isNaN(samples.get(2).value()));
        wire.verify(postRequestedFor(urlPathEqualTo("/api/v1/query_range"))
                .withFormParam("start", equalTo("1763640000.000"))
                .withFormParam("end", equalTo("1763640030.000"))
                .withFormParam("step", equalTo("15.000")));

        answerQuery(
                """
                {"status":"success","data":{"resultType":"scalar","result":[1763640000,"-Inf"]}}""");
        QueryResult.Scalar scalar = assertInstanceOf(QueryResult.Scalar.class, client().query("-1/0", T));
        assertEquals(Double.NEGATIVE_INFINITY, scalar.sample().value());
        assertEquals(Instant.ofEpochSecond(1_763_640_000), scalar.sample().time());

        answerQuery(
                """
                {"status":"success","data":{"resultType":"string","result":[1763640000,"hello"]}}""");
        QueryResult.StringValue string =
                assertInstanceOf(QueryResult.StringValue.class, client().query("\"hello\"", T));
        assertEquals("hello", string.value());
    }

    @Test
    void fieldOrderDoesNotMatter() {
        answerQuery(
                """
                {"data":{"result":[{"value":[1763640000,"3"],"metric":{"job":"x"}}],"resultType":"vector",
                 "extra":{"ignored":[1,2,{"a":null}]}},"warnings":["w"],"status":"success"}""");
        QueryResult.Vector vector = assertInstanceOf(QueryResult.Vector.class, client().query("x", T));
        assertEquals(3.0, vector.samples().get(0).sample().value());
        assertEquals("x", vector.samples().get(0).label("job"));
        assertEquals(List.of("w"), vector.warnings());

        answerQuery(
                """
                {"data":{"result":[1763640000,"2"],"resultType":"scalar"},"status":"success"}""");
        assertEquals(
                2.0,
                assertInstanceOf(QueryResult.Scalar.class, client().query("2", T))
                        .sample()
                        .value());
    }

    @Test
    void shapeSurprisesAreBadResponses() {
        for (String body : List.of(
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}} trailing",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{}}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                        + "\"values\":[[1,\"1\"]]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                        + "\"value\":[1,\"1\"]},3]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":1},"
                        + "\"value\":[1,\"1\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                        + "\"value\":[1,\"Infinity\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"weird\",\"result\":[]}}",
                "{\"status\":\"success\",\"status\":\"success\",\"data\":{}}")) {
            answerQuery(body);
            PrometheusException e = assertThrows(PrometheusException.class, () -> client().query("up", T), body);
            assertEquals(Kind.BAD_RESPONSE, e.kind(), body);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void warningsAreSurfaced() {
        answerQuery(
                """
                {"status":"success","warnings":["PromQL info: metric might not be a counter"],
                 "infos":["input to histogram_quantile has no le label"],
                 "data":{"resultType":"vector","result":[]}}""");
        QueryResult result = client().query("rate(x[5m])", T);
        assertEquals(
                List.of(
                        "PromQL info: metric might not be a counter",
                        "info: input to histogram_quantile has no le label"),
                result.warnings());
    }

    @Test
    void badDataIsAUsageErrorWithTheApiText() {
        answerQuery(
                400,
                "application/json",
                """
                {"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:5: parse error: unexpected end of input"}""");
        PrometheusException e = assertThrows(PrometheusException.class, () -> client().query("sum(", T));
        assertEquals(Kind.API_ERROR, e.kind());
        assertEquals("bad_data", e.errorType());
        assertEquals(400, e.httpStatus());
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(
                e.getMessage().startsWith("POST " + wire.baseUrl() + "/api/v1/query [query=sum(, time="),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("Prometheus error (HTTP 400 Bad Request, bad_data): invalid parameter "
                                + "\"query\": 1:5: parse error: unexpected end of input"),
                e.getMessage());
    }

    @Test
    void executionErrorIsARuntimeError() {
        answerQuery(
                422,
                "application/json",
                """
                {"status":"error","errorType":"execution","error":"query processing would load too many samples into memory"}""");
        PrometheusException e = assertThrows(PrometheusException.class, () -> client().query("big", T));
        assertEquals(Kind.API_ERROR, e.kind());
        assertEquals("execution", e.errorType());
        assertEquals(ExitCode.RUNTIME_ERROR, e.exitCode());
        assertTrue(e.getMessage().contains("too many samples"), e.getMessage());
    }

    @Test
    void nativeHistogramIsUnsupportedNotACrash() {
        answerQuery(
                """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"__name__":"rpc_seconds"},"histogram":[1763640000,{"count":"3","sum":"1.5",
                   "buckets":[[0,"0.5","1","3"]]}]}]}}""");
        PrometheusException e = assertThrows(PrometheusException.class, () -> client().query("rpc_seconds", T));
        assertEquals(Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().contains("native-histogram"), e.getMessage());
        assertTrue(e.getMessage().contains("rpc_seconds"), e.getMessage());

        wire.stubFor(
                post(urlPathEqualTo("/api/v1/query_range"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                {"status":"success","data":{"resultType":"matrix","result":[
                  {"metric":{"__name__":"rpc_seconds"},"histograms":[[1763640000,{"count":"3","sum":"1.5"}]]}]}}""")));
        PrometheusException range = assertThrows(PrometheusException.class, () -> client().queryRange(
                        "rpc_seconds", T, T.plusSeconds(60), Duration.ofSeconds(15)));
        assertEquals(Kind.UNSUPPORTED, range.kind());
    }

    @Test
    void wrongContentTypeIsNamed() {
        answerQuery(200, "text/html; charset=utf-8", "<html><body>Login</body></html>");
        PrometheusException e = assertThrows(PrometheusException.class, () -> client().query("up", T));
        assertEquals(Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("expected application/json, got content type text/html"), e.getMessage());
    }

    @Test
    void garbageAndTruncatedBodiesAreBadResponses() {
        answerQuery("this is not json");
        PrometheusException garbage = assertThrows(PrometheusException.class, () -> client().query("up", T));
        assertEquals(Kind.BAD_RESPONSE, garbage.kind());
        assertTrue(garbage.getMessage().contains("malformed JSON"), garbage.getMessage());

        answerQuery(
                """
                {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[17636""");
        PrometheusException truncated = assertThrows(PrometheusException.class, () -> client().query("up", T));
        assertEquals(Kind.BAD_RESPONSE, truncated.kind());
        assertTrue(truncated.getMessage().contains("malformed JSON"), truncated.getMessage());

        answerQuery(
                """
                {"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1763640000,"abc"]}]}}""");
        PrometheusException value = assertThrows(PrometheusException.class, () -> client().query("up", T));
        assertEquals(Kind.BAD_RESPONSE, value.kind());
        assertTrue(value.getMessage().contains("not a number: 'abc'"), value.getMessage());

        answerQuery("{\"data\":{}}");
        assertEquals(
                Kind.BAD_RESPONSE,
                assertThrows(PrometheusException.class, () -> client().query("up", T))
                        .kind());
        answerQuery("[]");
        assertEquals(
                Kind.BAD_RESPONSE,
                assertThrows(PrometheusException.class, () -> client().query("up", T))
                        .kind());
    }

    @Test
    void nonJsonErrorStatusNamesTheStatus() {
        answerQuery(404, "text/plain", "404 page not found\n");
        PrometheusException e = assertThrows(PrometheusException.class, () -> client().query("up", T));
        assertEquals(Kind.HTTP_STATUS, e.kind());
        assertEquals(404, e.httpStatus());
        assertTrue(e.getMessage().endsWith("HTTP 404 Not Found: 404 page not found"), e.getMessage());
    }

    @Test
    void onLoopbackItAsksForNoCompressionAndStillReadsAGzipAnswer() throws IOException {
        stubGzippedScalar();

        QueryResult.Scalar scalar = assertInstanceOf(QueryResult.Scalar.class, client().query("42", T));

        assertEquals(42.0, scalar.sample().value());
        wire.verify(
                postRequestedFor(urlPathEqualTo("/api/v1/query")).withHeader("Accept-Encoding", equalTo("identity")));
    }

    @Test
    void aUsersOwnAcceptEncodingIsKeptAndItsGzipAnswerRead() throws IOException {
        stubGzippedScalar();
        HttpPrometheusClient client = new HttpPrometheusClient(PrometheusEndpoint.of(wire.baseUrl())
                .withRetryPolicy(RetryPolicy.none())
                .withHeader("Accept-Encoding", "gzip"));

        assertEquals(
                42.0,
                assertInstanceOf(QueryResult.Scalar.class, client.query("42", T))
                        .sample()
                        .value());
        wire.verify(postRequestedFor(urlPathEqualTo("/api/v1/query")).withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void loopbackIsRecognisedWithoutANameLookup() {
        for (String host : List.of("localhost", "LOCALHOST", "127.0.0.1", "127.10.20.30", "::1")) {
            assertTrue(HttpPrometheusClient.isLoopback(host), host);
        }
        for (String host : List.of("prometheus.example", "10.0.0.1", "127.example.com", "::2", "128.0.0.1")) {
            assertFalse(HttpPrometheusClient.isLoopback(host), host);
        }
    }

    private static void stubGzippedScalar() throws IOException {
        byte[] json =
                """
                {"status":"success","data":{"resultType":"scalar","result":[1763640000,"42"]}}"""
                        .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(json);
        }
        wire.stubFor(post(urlPathEqualTo("/api/v1/query"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(gzipped.toByteArray())));
    }

    @Test
    void labelValuesWithMatchersAndPathPrefix() {
        wire.stubFor(get(urlPathEqualTo("/prometheus/api/v1/label/service/values"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"success\",\"data\":[\"api\",\"checkout\"]}")));
        HttpPrometheusClient client = new HttpPrometheusClient(
                PrometheusEndpoint.of(wire.baseUrl() + "/prometheus/").withRetryPolicy(RetryPolicy.none()));

        List<String> values = client.labelValues("service", List.of("up{job=\"x\"}"), T.minusSeconds(3600), T);

        assertEquals(List.of("api", "checkout"), values);
        assertEquals(wire.baseUrl() + "/prometheus", client.baseUrl());
        wire.verify(getRequestedFor(urlPathEqualTo("/prometheus/api/v1/label/service/values"))
                .withQueryParam("match[]", equalTo("up{job=\"x\"}"))
                .withQueryParam("start", equalTo("1763636400.000"))
                .withQueryParam("end", equalTo("1763640000.000")));
    }
}
