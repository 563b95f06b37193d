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

    /** Connection errors, timeouts, 429 and 5xx are worth another attempt; nothing else is. */
    public boolean retryable() {
        return switch (kind) {
            case UNREACHABLE, TIMEOUT -> true;
            case HTTP_STATUS, API_ERROR -> httpStatus == 429 || httpStatus >= 500;
            default -> false;
        };
    }
}
