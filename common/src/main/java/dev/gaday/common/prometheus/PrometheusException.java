package dev.gaday.common.prometheus;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import java.time.Duration;
import java.util.Optional;

/**
 * A failed Prometheus request. It carries the request (method, path and query, never a
 * credential) so that the one-line message says what was asked and what went wrong.
 */
public class PrometheusException extends ToolException {
    /** What kind of failure; decides retrying and the exit code. */
    public enum Kind {
        /** Connection refused, DNS failure, reset: retried. */
        UNREACHABLE,
        /** The per-request timeout expired: retried. */
        TIMEOUT,
        /** HTTP status other than 2xx (429 and 5xx are retried; other 4xx are not). */
        HTTP_STATUS,
        /** The API answered {@code status: error} (e.g. bad_data for a PromQL syntax error). */
        API_ERROR,
        /** The body was not the JSON the API documents (wrong content type, garbage, truncated). */
        BAD_RESPONSE,
        /** A well-formed answer this client cannot represent (e.g. a native-histogram sample). */
        UNSUPPORTED,
        /** TLS handshake or certificate verification failed: not retried, a retry cannot fix it. */
        TLS,
        /** The answer was larger than the endpoint's size cap: not retried, it would be as large again. */
        TOO_LARGE
    }

    /**
     * A limit of the server or of this client that the query itself ran into: the same query fails the
     * same way again, while a smaller one (a shorter range, fewer series) may pass. Callers split on it.
     */
    public enum Limit {
        /** "query processing would load too many samples into memory" (HTTP 422, errorType execution). */
        TOO_MANY_SAMPLES("too many samples (Prometheus's --query.max-samples limit)"),
        /**
         * One of VictoriaMetrics' per-query limits (HTTP 422): samples per query or per series, points per series,
         * matching series, memory ("cannot select more than -search.maxSamplesPerQuery=…", "too many points for
         * the given step …", "the number of matching timeseries exceeds …").
         */
        SEARCH_LIMIT("over a per-query limit of VictoriaMetrics (its -search.max* flags: samples, points, series)"),
        /** The server gave up: errorType timeout (HTTP 503) or "context deadline exceeded". */
        SERVER_TIMEOUT("timed out on the server (Prometheus's --query.timeout)"),
        /** No complete answer within the request timeout. */
        CLIENT_TIMEOUT("no answer within the request timeout (--query-timeout)");

        private final String description;

        Limit(String description) {
            this.description = description;
        }

        /** What was hit, for a message: "too many samples (Prometheus's --query.max-samples limit)". */
        public String description() {
            return description;
        }
    }

    private final Kind kind;
    private final String request;
    private final int httpStatus;
    private final String errorType;
    private final String detail;
    private final Duration retryAfter;
    private final int attempts;
    /** The server's query limit an API error names, read from its whole text (the detail may be cut short). */
    private final Limit serverLimit;

    public PrometheusException(
            Kind kind, String request, int httpStatus, String errorType, String message, Throwable cause) {
        this(
                kind,
                request,
                httpStatus,
                errorType,
                message,
                message,
                null,
                1,
                serverLimit(kind, errorType, message),
                cause);
    }

    private PrometheusException(
            Kind kind,
            String request,
            int httpStatus,
            String errorType,
            String message,
            String detail,
            Duration retryAfter,
            int attempts,
            Limit serverLimit,
            Throwable cause) {
        super(
                kind == Kind.API_ERROR && "bad_data".equals(errorType) ? ExitCode.USAGE : ExitCode.RUNTIME_ERROR,
                message,
                cause);
        this.kind = kind;
        this.request = request;
        this.httpStatus = httpStatus;
        this.errorType = errorType;
        this.detail = detail;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
        this.serverLimit = serverLimit;
    }

    /**
     * A failure of one request; the message is {@code "<request>: <detail>"}.
     *
     * @param retryAfter the server's Retry-After, or null
     */
    public static PrometheusException of(
            Kind kind,
            String request,
            int httpStatus,
            String errorType,
            String detail,
            Duration retryAfter,
            Throwable cause) {
        return oneAttempt(
                kind, request, httpStatus, errorType, detail, retryAfter, serverLimit(kind, errorType, detail), cause);
    }

    /**
     * The server answered with an error: {@code detail} is what the message shows (cut short, redacted), {@code
     * error} the server's whole text, read only to tell which query limit it names (VictoriaMetrics names its
     * limit at the end of a long message).
     */
    public static PrometheusException apiError(
            String request, int httpStatus, String errorType, String detail, String error, Duration retryAfter) {
        return oneAttempt(
                Kind.API_ERROR,
                request,
                httpStatus,
                errorType,
                detail,
                retryAfter,
                serverLimit(Kind.API_ERROR, errorType, error),
                null);
    }

    private static PrometheusException oneAttempt(
            Kind kind,
            String request,
            int httpStatus,
            String errorType,
            String detail,
            Duration retryAfter,
            Limit serverLimit,
            Throwable cause) {
        return new PrometheusException(
                kind,
                request,
                httpStatus,
                errorType,
                request + ": " + detail,
                detail,
                retryAfter,
                1,
                serverLimit,
                cause);
    }

    /** The last failure after the retries gave up; the message names the attempts and the last failure. */
    static PrometheusException exhausted(PrometheusException last, int attempts, String why, String note) {
        String detail = why + " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + note
                + "; last failure: " + last.detail();
        return new PrometheusException(
                last.kind,
                last.request,
                last.httpStatus,
                last.errorType,
                last.request + ": " + detail,
                detail,
                null,
                attempts,
                last.serverLimit,
                last);
    }

    public Kind kind() {
        return kind;
    }

    /** "POST http://host:9090/api/v1/query_range query=…": the request, without credentials. */
    public String request() {
        return request;
    }

    /** The HTTP status, or 0 when no response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The API's errorType (bad_data, execution, timeout…), or null. */
    public String errorType() {
        return errorType;
    }

    /** What went wrong, without the request. */
    public String detail() {
        return detail;
    }

    /** The server's Retry-After (on 429 or 503), if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many attempts were made before this failure was final. */
    public int attempts() {
        return attempts;
    }

    /** The query limit this failure is, if it is one; see {@link Limit}. */
    public Optional<Limit> limit() {
        if (kind == Kind.TIMEOUT) {
            return Optional.of(Limit.CLIENT_TIMEOUT);
        }
        return Optional.ofNullable(serverLimit);
    }

    private static Limit serverLimit(Kind kind, String errorType, String error) {
        if (kind != Kind.API_ERROR) {
            return null;
        }
        String text = error == null ? "" : error;
        if (text.contains("too many samples")) {
            return Limit.TOO_MANY_SAMPLES;
        }
        if ("timeout".equals(errorType)
                || text.contains("context deadline exceeded")
                || text.contains("query timed out")
                || text.contains("timeout exceeded")
                || text.contains("-search.maxQueryDuration")) {
            return Limit.SERVER_TIMEOUT;
        }
        if (text.contains("-search.max")
                || text.contains("the number of matching timeseries exceeds")
                || text.contains("too many points for the given step")) {
            return Limit.SEARCH_LIMIT;
        }
        return null;
    }

    /**
     * Connection errors, client timeouts, 429 and 5xx are worth another attempt; nothing else is. A query
     * that timed out on the server (503 timeout) is not: as it is it would time out again (callers split it).
     */
    public boolean retryable() {
        if (kind == Kind.API_ERROR && limit().isPresent()) {
            return false;
        }
        return switch (kind) {
            case UNREACHABLE, TIMEOUT -> true;
            case HTTP_STATUS, API_ERROR -> httpStatus == 429 || httpStatus >= 500;
            default -> false;
        };
    }
}
