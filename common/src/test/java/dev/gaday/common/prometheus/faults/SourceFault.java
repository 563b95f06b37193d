package dev.gaday.common.prometheus.faults;

/**
 * The ways a Prometheus-compatible source can be broken while still answering HTTP, as a hostile-input
 * corpus every Prometheus-facing tool's tests reuse with {@link FaultServer}. Each answers every request
 * the same way; {@link #expectedInMessage} is a piece of the one line a tool must print for it.
 */
public enum SourceFault {
    HTTP_401(401, "text/plain; charset=utf-8", "Unauthorized\n", "HTTP 401"),
    HTTP_422(422, "text/plain; charset=utf-8", "unprocessable\n", "HTTP 422"),
    HTTP_429(429, "text/plain; charset=utf-8", "slow down\n", "HTTP 429"),
    HTTP_500(500, "text/plain; charset=utf-8", "internal error\n", "HTTP 500"),
    /** A redirect to a login page (an auth proxy in front of Prometheus). */
    REDIRECT_302(302, "text/html", "", "HTTP 302 Temporary Redirect to /login"),
    HTML_LOGIN_PAGE(
            200,
            "text/html; charset=utf-8",
            "<!doctype html><html><body><form action=/login>Sign in</form></body></html>",
            "text/html"),
    TRUNCATED_JSON(
            200,
            "application/json",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"service\":\"a\"},",
            "malformed JSON"),
    TEXT_PLAIN(200, "text/plain; charset=utf-8", "ok\n", "text/plain"),
    STATUS_ERROR(
            200,
            "application/json",
            "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"storage is broken\"}",
            "storage is broken"),
    EXECUTION_ERROR_422(
            422,
            "application/json",
            "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query processing would load too many "
                    + "samples into memory\"}",
            "too many samples"),
    /** A well-formed answer whose result is a string where numbers were asked for. */
    WRONG_RESULT_TYPE(
            200,
            "application/json",
            "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1700000000,\"hello\"]}}",
            "string"),
    /** Not a fault: the source works and has no series. Tools must report NO_DATA, not a failure. */
    NO_SERIES(200, "application/json", null, null);

    final int status;
    final String contentType;
    final String body;
    private final String expectedInMessage;

    SourceFault(int status, String contentType, String body, String expectedInMessage) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.expectedInMessage = expectedInMessage;
    }

    /** What the one-line error must mention; null for {@link #NO_SERIES}. */
    public String expectedInMessage() {
        return expectedInMessage;
    }

    /** The faults: every constant but {@link #NO_SERIES}. */
    public static SourceFault[] faults() {
        return java.util.Arrays.stream(values()).filter(f -> f != NO_SERIES).toArray(SourceFault[]::new);
    }
}
