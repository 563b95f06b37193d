package dev.gaday.common.prometheus;

import dev.gaday.common.http.TlsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach one Prometheus-compatible API: immutable, validated on construction.
 * {@link #toString()} never shows a credential.
 *
 * @param baseUrl        http(s) URL up to (not including) {@code /api/v1}, e.g. {@code http://mimir/prometheus};
 *                       no user-info (credentials go in {@code auth})
 * @param auth           none, bearer token or basic auth
 * @param headers        extra headers sent with every request (e.g. {@code X-Scope-OrgID}), in order
 * @param tls            CA, client certificate, insecure flag
 * @param requestTimeout the time limit of one attempt (the whole HTTP call)
 * @param retryPolicy    retries across attempts
 * @param maxAnswerBytes the largest answer body read (after decompression); a larger one fails the request
 */
public record PrometheusEndpoint(
        String baseUrl,
        Auth auth,
        Map<String, String> headers,
        TlsSettings tls,
        Duration requestTimeout,
        RetryPolicy retryPolicy,
        long maxAnswerBytes) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** 256 MiB: a 24-hour range answer of a large fleet is tens of MB; a runaway one must not fill the heap. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 256L * 1024 * 1024;

    /** Credentials for the Authorization header. */
    public sealed interface Auth permits Auth.None, Auth.Bearer, Auth.Basic {
        /** No Authorization header. */
        record None() implements Auth {}

        /** {@code Authorization: Bearer <token>}. */
        record Bearer(String token) implements Auth {
            public Bearer {
                if (token == null || token.isBlank()) {
                    throw new IllegalArgumentException("empty bearer token");
                }
            }

            @Override
            public String toString() {
                return "Bearer[***]";
            }
        }

        /** {@code Authorization: Basic base64(user:password)}. */
        record Basic(String user, String password) implements Auth {
            public Basic {
                Objects.requireNonNull(user, "user");
                Objects.requireNonNull(password, "password");
            }

            @Override
            public String toString() {
                return "Basic[user=" + user + ", password=***]";
            }
        }

        Auth NONE = new None();
    }

    public PrometheusEndpoint {
        baseUrl = checkBaseUrl(baseUrl);
        auth = auth == null ? Auth.NONE : auth;
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        headers.forEach(PrometheusEndpoint::checkHeader);
        tls = tls == null ? TlsSettings.DEFAULT : tls;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive, got " + requestTimeout);
        }
        retryPolicy = retryPolicy == null ? RetryPolicy.defaults() : retryPolicy;
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("the answer size cap must be positive, got " + maxAnswerBytes);
        }
    }

    /** With the default answer size cap. */
    public PrometheusEndpoint(
            String baseUrl,
            Auth auth,
            Map<String, String> headers,
            TlsSettings tls,
            Duration requestTimeout,
            RetryPolicy retryPolicy) {
        this(baseUrl, auth, headers, tls, requestTimeout, retryPolicy, DEFAULT_MAX_ANSWER_BYTES);
    }

    public PrometheusEndpoint withMaxAnswerBytes(long newMax) {
        return new PrometheusEndpoint(baseUrl, auth, headers, tls, requestTimeout, retryPolicy, newMax);
    }

    /** The URL with defaults: no auth, no extra header, JVM trust store, 30 s per request, default retries. */
    public static PrometheusEndpoint of(String baseUrl) {
        return new PrometheusEndpoint(
                baseUrl, Auth.NONE, Map.of(), TlsSettings.DEFAULT, DEFAULT_REQUEST_TIMEOUT, RetryPolicy.defaults());
    }

    public PrometheusEndpoint withAuth(Auth newAuth) {
        return new PrometheusEndpoint(baseUrl, newAuth, headers, tls, requestTimeout, retryPolicy, maxAnswerBytes);
    }

    public PrometheusEndpoint withHeader(String name, String value) {
        Map<String, String> newHeaders = new LinkedHashMap<>(headers);
        newHeaders.put(name, value);
        return new PrometheusEndpoint(baseUrl, auth, newHeaders, tls, requestTimeout, retryPolicy, maxAnswerBytes);
    }

    public PrometheusEndpoint withTls(TlsSettings newTls) {
        return new PrometheusEndpoint(baseUrl, auth, headers, newTls, requestTimeout, retryPolicy, maxAnswerBytes);
    }

    public PrometheusEndpoint withRequestTimeout(Duration newTimeout) {
        return new PrometheusEndpoint(baseUrl, auth, headers, tls, newTimeout, retryPolicy, maxAnswerBytes);
    }

    public PrometheusEndpoint withRetryPolicy(RetryPolicy newPolicy) {
        return new PrometheusEndpoint(baseUrl, auth, headers, tls, requestTimeout, newPolicy, maxAnswerBytes);
    }

    /** Header values are not printed (a tenant id is harmless, but a header may carry a key). */
    @Override
    public String toString() {
        return "PrometheusEndpoint[baseUrl=" + baseUrl + ", auth=" + auth + ", headers=" + headers.keySet()
                + ", tls=" + tls + ", requestTimeout=" + requestTimeout + ", maxAttempts="
                + retryPolicy.maxAttempts() + ", retryBudget=" + retryPolicy.budget() + ", maxAnswerBytes="
                + maxAnswerBytes
                + "]";
    }

    /** What HTTP (and OkHttp) accept: a token name, a printable-ASCII value. */
    private static void checkHeader(String name, String value) {
        if (name == null || !name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
            throw new IllegalArgumentException("not an HTTP header name: '" + name + "'");
        }
        if (value == null || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c > 0x7e)) {
            throw new IllegalArgumentException("header " + name + ": the value must be printable ASCII");
        }
    }

    /** Checks the URL is absolute http(s) without user-info; returns it without a trailing slash. */
    static String checkBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no Prometheus URL given");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "must not contain credentials; use the bearer-token or basic-auth options");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment");
        }
        String result = uri.toString();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
