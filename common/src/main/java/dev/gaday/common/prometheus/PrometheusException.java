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

    public PrometheusException(
            Kind kind, String request, int httpStatus, String errorType, String message, Throwable cause) {
        this(kind, request, httpStatus, errorType, message, message, null, 1, cause);
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
        return new PrometheusException(
                kind, request, httpStatus, errorType, request + ": " + detail, detail, retryAfter, 1, cause);
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
        if (kind != Kind.API_ERROR) {
            return Optional.empty();
        }
        String text = detail == null ? "" : detail;
        if (text.contains("too many samples")) {
            return Optional.of(Limit.TOO_MANY_SAMPLES);
        }
        if ("timeout".equals(errorType)
                || text.contains("context deadline exceeded")
                || text.contains("query timed out")) {
            return Optional.of(Limit.SERVER_TIMEOUT);
        }
        return Optional.empty();
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
