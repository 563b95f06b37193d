package dev.gaday.common.prometheus;

import dev.gaday.common.cli.ExitCode;
import dev.gaday.common.error.ToolException;

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
        UNSUPPORTED
    }

    private final Kind kind;
    private final String request;
    private final int httpStatus;
    private final String errorType;

    public PrometheusException(Kind kind, String request, int httpStatus, String errorType, String message,
            Throwable cause) {
        super(kind == Kind.API_ERROR && "bad_data".equals(errorType) ? ExitCode.USAGE : ExitCode.RUNTIME_ERROR,
                message, cause);
        this.kind = kind;
        this.request = request;
        this.httpStatus = httpStatus;
        this.errorType = errorType;
    }

    public Kind kind() {
        return kind;
    }

    /** "GET /api/v1/query_range?query=…": the request, without credentials. */
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
}
