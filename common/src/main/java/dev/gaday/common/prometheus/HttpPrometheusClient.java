package dev.gaday.common.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gaday.common.http.HttpClients;
import dev.gaday.common.http.TlsFailures;
import dev.gaday.common.prometheus.ApiResponseReader.ApiResponse;
import dev.gaday.common.prometheus.PrometheusEndpoint.Auth;
import dev.gaday.common.prometheus.PrometheusException.Kind;
import dev.gaday.common.secret.Secrets;
import dev.gaday.common.text.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link PrometheusClient} over the Prometheus HTTP API v1. Queries are POSTed as forms (no URL
 * length limit for long PromQL); label values are a GET. Every request goes through the endpoint's
 * {@link RetryPolicy}, each attempt bounded by the request timeout and what is left of the budget.
 *
 * <p>Thread-safe: one instance may serve concurrent queries. The HTTP client is derived from {@link HttpClients#shared()}, so {@link #close()} releases
 * nothing shared; it exists so callers can use try-with-resources regardless of the implementation.
 */
public final class HttpPrometheusClient implements PrometheusClient {
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final int MAX_DETAIL = 300;

    private final PrometheusEndpoint endpoint;
    private final OkHttpClient http;
    private final HttpUrl base;
    private final String authorization;
    private final List<String> secrets;
    private final boolean uncompressed;

    public HttpPrometheusClient(PrometheusEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.base = HttpUrl.get(endpoint.baseUrl());
        // On loopback, compression only costs CPU at both ends (Prometheus spends tens of ms gzipping one
        // 24-hour range answer); elsewhere OkHttp asks for gzip and decompresses transparently.
        this.uncompressed = isLoopback(base.host())
                && endpoint.headers().keySet().stream().noneMatch("Accept-Encoding"::equalsIgnoreCase);
        // OkHttp's own silent retry on connection failure would hide attempts from the RetryPolicy.
        // A redirect is not followed: OkHttp would turn the POSTed query into a GET, and the usual target is
        // a login page; the user sees "HTTP 302 … to <location>" instead.
        this.http = HttpClients.derive(endpoint.tls(), endpoint.requestTimeout(), base.isHttps())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        List<String> secretValues = new ArrayList<>();
        Auth auth = endpoint.auth();
        if (auth instanceof Auth.Bearer bearer) {
            this.authorization = "Bearer " + bearer.token();
            secretValues.add(bearer.token());
        } else if (auth instanceof Auth.Basic basic) {
            this.authorization = Credentials.basic(basic.user(), basic.password(), StandardCharsets.UTF_8);
            secretValues.add(basic.password());
        } else {
            this.authorization = null;
        }
        if (authorization != null) {
            secretValues.add(authorization);
            secretValues.add(authorization.substring(authorization.indexOf(' ') + 1));
        }
        secretValues.forEach(Secrets::register);
        this.secrets = List.copyOf(secretValues);
    }

    /** A client for a URL with the default settings (no auth, 30 s per request, default retries). */
    public static HttpPrometheusClient create(String baseUrl) {
        return new HttpPrometheusClient(PrometheusEndpoint.of(baseUrl));
    }

    public PrometheusEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String baseUrl() {
        return endpoint.baseUrl();
    }

    @Override
    public QueryResult query(String promql, Instant time) {
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(time, "time");
        FormBody form = new FormBody.Builder()
                .add("query", promql)
                .add("time", seconds(time))
                .build();
        HttpUrl url = url("api/v1/query").build();
        String description = "POST " + url + " [query=" + promql + ", time=" + time + "]";
        return execute(post(url, form), description, response -> toResult(response, description));
    }

    @Override
    public QueryResult.Matrix queryRange(String promql, Instant start, Instant end, Duration step) {
        Objects.requireNonNull(promql, "promql");
        QueryRange range = new QueryRange(start, end, step);
        List<QueryRange> chunks = range.split(QueryRange.MAX_POINTS_PER_REQUEST);
        if (chunks.size() == 1) {
            return queryRangeChunk(promql, chunks.get(0));
        }
        List<QueryResult.Matrix> parts = new ArrayList<>(chunks.size());
        for (QueryRange chunk : chunks) {
            parts.add(queryRangeChunk(promql, chunk));
        }
        return QueryResult.Matrix.stitch(parts);
    }

    private QueryResult.Matrix queryRangeChunk(String promql, QueryRange chunk) {
        FormBody form = new FormBody.Builder()
                .add("query", promql)
                .add("start", seconds(chunk.start()))
                .add("end", seconds(chunk.end()))
                .add("step", seconds(chunk.step()))
                .build();
        HttpUrl url = url("api/v1/query_range").build();
        String description = "POST " + url + " [query=" + promql + ", start=" + chunk.start() + ", end=" + chunk.end()
                + ", step=" + RetryPolicy.format(chunk.step()) + "]";
        return execute(post(url, form), description, response -> {
            QueryResult result = toResult(response, description);
            if (result instanceof QueryResult.Matrix matrix) {
                return matrix;
            }
            throw badResponse(
                    description, "a range query answered with a " + response.resultType + ", expected a matrix");
        });
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, Instant start, Instant end) {
        Objects.requireNonNull(label, "label");
        if (!LABEL_NAME.matcher(label).matches()) {
            throw new IllegalArgumentException("not a Prometheus label name: " + label);
        }
        HttpUrl.Builder urlBuilder = url("api/v1/label").addPathSegment(label).addPathSegment("values");
        StringBuilder params = new StringBuilder();
        for (String matcher : matchers == null ? List.<String>of() : matchers) {
            urlBuilder.addQueryParameter("match[]", matcher);
            params.append(params.length() == 0 ? "" : ", ").append("match[]=").append(matcher);
        }
        if (start != null) {
            urlBuilder.addQueryParameter("start", seconds(start));
            params.append(params.length() == 0 ? "" : ", ").append("start=").append(start);
        }
        if (end != null) {
            urlBuilder.addQueryParameter("end", seconds(end));
            params.append(params.length() == 0 ? "" : ", ").append("end=").append(end);
        }
        HttpUrl url = urlBuilder.build();
        String description =
                "GET " + url.newBuilder().query(null).build() + (params.length() == 0 ? "" : " [" + params + "]");
        Request request = requestBuilder(url).get().build();
        return execute(request, description, response -> {
            if (response.strings == null) {
                throw badResponse(description, "'data' is not a list of label values");
            }
            return List.copyOf(response.strings);
        });
    }

    @Override
    public Map<String, String> flags() {
        HttpUrl url = url("api/v1/status/flags").build();
        String description = "GET " + url;
        return execute(requestBuilder(url).get().build(), description, response -> Map.copyOf(response.members));
    }

    @Override
    public void close() {
        // The connection pool and dispatcher belong to HttpClients.shared(); nothing to release.
    }

    @Override
    public String toString() {
        return "HttpPrometheusClient[" + endpoint + "]";
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    /** localhost or a loopback IP literal (no name lookup). */
    static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost")
                || host.equals("::1")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private HttpUrl.Builder url(String pathSegments) {
        return base.newBuilder().addPathSegments(pathSegments);
    }

    private Request post(HttpUrl url, FormBody form) {
        return requestBuilder(url).post(form).build();
    }

    private Request.Builder requestBuilder(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json");
        endpoint.headers().forEach(builder::header);
        if (uncompressed) {
            builder.header("Accept-Encoding", "identity");
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    @FunctionalInterface
    private interface BodyParser<T> {
        T parse(ApiResponse response);
    }

    private <T> T execute(Request request, String description, BodyParser<T> parser) {
        return endpoint.retryPolicy().execute(timeLeft -> attempt(request, description, parser, timeLeft));
    }

    private <T> T attempt(Request request, String description, BodyParser<T> parser, Duration timeLeft) {
        Duration timeout = timeLeft.compareTo(endpoint.requestTimeout()) < 0 ? timeLeft : endpoint.requestTimeout();
        Call call = http.newCall(request);
        call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            return parser.parse(readApiResponse(response, description));
        } catch (SSLHandshakeException | SSLPeerUnverifiedException e) {
            throw failure(Kind.TLS, description, 0, tlsDetail(e), e);
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw failure(Kind.UNREACHABLE, description, 0, "interrupted", e);
            }
            throw failure(
                    Kind.TIMEOUT,
                    description,
                    0,
                    "no complete answer within " + RetryPolicy.format(timeout) + " (request timeout)",
                    e);
        } catch (UnknownHostException e) {
            throw failure(Kind.UNREACHABLE, description, 0, "unknown host " + base.host(), e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw failure(
                    Kind.UNREACHABLE,
                    description,
                    0,
                    "cannot connect to " + base.host() + ":" + base.port() + ": " + rootMessage(e),
                    e);
        } catch (SSLException e) {
            throw failure(Kind.UNREACHABLE, description, 0, "TLS connection failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw failure(
                    Kind.UNREACHABLE,
                    description,
                    0,
                    "connection failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
    }

    /** OkHttp wraps "Connection refused" in its own "Failed to connect to ..." message. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage() != null ? root.getMessage() : e.getMessage());
    }

    private String tlsDetail(SSLException e) {
        return "TLS: " + TlsFailures.describe(e, base.host());
    }

    /**
     * Checks status, content type and JSON shape; returns the root of a {@code status: success} answer.
     * The body is parsed as it arrives (never held whole) and counted: past the endpoint's answer size
     * cap the request fails, not retried.
     */
    private ApiResponse readApiResponse(Response response, String description) throws IOException {
        int code = response.code();
        ResponseBody body = response.body();
        MediaType type = body == null ? null : body.contentType();
        long cap = endpoint.maxAnswerBytes();
        CappedInputStream wire =
                new CappedInputStream(body == null ? InputStream.nullInputStream() : body.byteStream(), cap);
        // Still gzip: OkHttp decompresses only what it asked for itself, not an answer to our identity
        // (or to a user's own Accept-Encoding header). The cap applies to the decompressed bytes too.
        CappedInputStream in = "gzip".equalsIgnoreCase(response.header("Content-Encoding"))
                ? new CappedInputStream(new GZIPInputStream(wire), cap)
                : wire;
        Duration retryAfter = code == 429 || code == 503 ? retryAfter(response.header("Retry-After")) : null;
        String location = response.header("Location");
        String statusLine = "HTTP " + code + (response.message().isEmpty() ? "" : " " + response.message())
                + (code / 100 == 3 && location != null ? " to " + truncate(oneLine(location)) : "");
        boolean isJson = type != null && type.subtype().equalsIgnoreCase("json");
        try {
            if (!isJson) {
                String typeName =
                        type == null ? "no content type" : "content type " + type.type() + "/" + type.subtype();
                if (code / 100 == 2) {
                    long length = body == null ? 0 : body.contentLength();
                    throw failure(
                            Kind.BAD_RESPONSE,
                            description,
                            code,
                            "expected application/json, got " + typeName
                                    + (length >= 0 ? " (" + length + " bytes)" : ""),
                            null);
                }
                String snippet = type != null
                                && type.type().equals("text")
                                && !type.subtype().equals("html")
                        ? ": " + snippet(in.readNBytes(MAX_DETAIL * 2))
                        : " (" + typeName + ")";
                throw PrometheusException.of(
                        Kind.HTTP_STATUS, description, code, null, redact(statusLine + snippet), retryAfter, null);
            }
            ApiResponse parsed;
            try {
                parsed = ApiResponseReader.read(in);
            } catch (JsonProcessingException e) {
                String why = "malformed JSON (after " + in.count() + " bytes): "
                        + truncate(oneLine(String.valueOf(e.getOriginalMessage())));
                if (code / 100 == 2) {
                    throw failure(Kind.BAD_RESPONSE, description, code, why, e);
                }
                throw PrometheusException.of(
                        Kind.HTTP_STATUS, description, code, null, redact(statusLine + ", " + why), retryAfter, e);
            } catch (ApiResponseReader.Malformed e) {
                if (code / 100 == 2) {
                    throw badResponse(description, e.getMessage());
                }
                throw PrometheusException.of(
                        Kind.HTTP_STATUS,
                        description,
                        code,
                        null,
                        redact(statusLine + ", unexpected JSON: " + e.getMessage()),
                        retryAfter,
                        null);
            } catch (ApiResponseReader.NativeHistogram e) {
                throw nativeHistogram(description, e.metric);
            }
            return checkStatus(parsed, code, statusLine, retryAfter, description);
        } catch (CappedInputStream.TooLarge e) {
            throw failure(
                    Kind.TOO_LARGE,
                    description,
                    code,
                    "the answer is larger than the cap of " + ReportFormat.bytes((double) cap) + " (" + cap
                            + " bytes; --max-answer-size)",
                    null);
        }
    }

    private ApiResponse checkStatus(
            ApiResponse parsed, int code, String statusLine, Duration retryAfter, String description) {
        String status = parsed.status == null ? "" : parsed.status;
        if (status.equals("error")) {
            String errorType = parsed.errorType == null ? "" : parsed.errorType;
            String error = parsed.error == null ? "" : parsed.error;
            String detail = "Prometheus error (" + statusLine + (errorType.isEmpty() ? "" : ", " + errorType) + "): "
                    + truncate(oneLine(error.isEmpty() ? "(no error text)" : error));
            throw PrometheusException.apiError(
                    description, code, errorType.isEmpty() ? null : errorType, redact(detail), error, retryAfter);
        }
        if (code / 100 != 2) {
            throw PrometheusException.of(
                    Kind.HTTP_STATUS, description, code, null, redact(statusLine), retryAfter, null);
        }
        if (!status.equals("success")) {
            throw badResponse(description, "'status' is '" + truncate(status) + "', expected success or error");
        }
        return parsed;
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(
                        Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    // ---- results -------------------------------------------------------------------------------

    private QueryResult toResult(ApiResponse response, String description) {
        String resultType = response.resultType == null ? "" : response.resultType;
        List<String> warnings = response.warnings;
        boolean list = response.pairText == null;
        if (!response.hasResult && !resultType.isEmpty()) {
            throw badResponse(description, "no 'data.result'");
        }
        switch (resultType) {
            case "vector" -> {
                List<QueryResult.InstantSample> samples = new ArrayList<>(response.elements.size());
                for (ApiResponseReader.Element element : response.elements) {
                    if (element.sample() == null || !list) {
                        throw badResponse(description, "a vector element has no 'value'");
                    }
                    samples.add(new QueryResult.InstantSample(element.metric(), element.sample()));
                }
                return new QueryResult.Vector(samples, warnings);
            }
            case "matrix" -> {
                List<QueryResult.Series> series = new ArrayList<>(response.elements.size());
                for (ApiResponseReader.Element element : response.elements) {
                    if (element.series() == null || !list) {
                        throw badResponse(description, "a matrix element has no 'values'");
                    }
                    series.add(element.series());
                }
                return new QueryResult.Matrix(series, warnings);
            }
            case "scalar" -> {
                if (list) {
                    throw badResponse(description, "a scalar result is not [time, \"value\"]");
                }
                try {
                    return new QueryResult.Scalar(
                            new QueryResult.Sample(response.pairTime, ApiResponseReader.value(response.pairText)),
                            warnings);
                } catch (ApiResponseReader.Malformed e) {
                    throw badResponse(description, e.getMessage());
                }
            }
            case "string" -> {
                if (list) {
                    throw badResponse(description, "a string result is not [time, \"text\"]");
                }
                return new QueryResult.StringValue(response.pairTime, response.pairText, warnings);
            }
            default -> throw badResponse(
                    description,
                    resultType.isEmpty()
                            ? "no 'data.resultType'"
                            : "unknown resultType '" + truncate(resultType) + "'");
        }
    }

    private PrometheusException nativeHistogram(String description, Map<String, String> metric) {
        return failure(
                Kind.UNSUPPORTED,
                description,
                200,
                "series " + metric + " holds native-histogram samples,"
                        + " which this client does not support; query a float instead, e.g. histogram_quantile(0.99, ...),"
                        + " histogram_count(...) or histogram_sum(...)",
                null);
    }

    private PrometheusException badResponse(String description, String detail) {
        return failure(Kind.BAD_RESPONSE, description, 200, "unexpected answer: " + detail, null);
    }

    private PrometheusException failure(Kind kind, String description, int status, String detail, Throwable cause) {
        return PrometheusException.of(kind, description, status, null, redact(detail), null, cause);
    }

    // ---- text ------------------------------------------------------------------------------------

    private String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return Secrets.redact(result);
    }

    private static String snippet(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, MAX_DETAIL * 2), StandardCharsets.UTF_8);
        return truncate(oneLine(text.strip()));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    /** Unix seconds with millisecond precision, as the API accepts them ("1700000000.123"). */
    static String seconds(Instant time) {
        return BigDecimal.valueOf(time.toEpochMilli(), 3).toPlainString();
    }

    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).toPlainString();
    }
}
