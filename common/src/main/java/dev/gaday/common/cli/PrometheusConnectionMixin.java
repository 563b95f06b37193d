package dev.gaday.common.cli;

import dev.gaday.common.error.ToolException;
import dev.gaday.common.http.TlsSettings;
import dev.gaday.common.prometheus.HttpPrometheusClient;
import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusEndpoint;
import dev.gaday.common.prometheus.PrometheusEndpoint.Auth;
import dev.gaday.common.prometheus.RetryPolicy;
import dev.gaday.common.secret.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How to reach Prometheus (or Thanos, Mimir, Cortex, VictoriaMetrics): one mixin for every
 * Prometheus-facing tool. Secrets come from files or environment variables, never from a literal
 * on the command line, and are registered with {@link Secrets} as soon as they are read.
 *
 * <p>Use: {@code @Mixin PrometheusConnectionMixin prometheus;} then, in {@code validate()},
 * {@code prometheus.endpoint()} (checks everything, one usage line on error) and, in
 * {@code execute()}, {@code try (PrometheusClient client = prometheus.connect(diagnostics())) {...}}.
 * Documented in docs/prometheus-connection.md.
 */
public class PrometheusConnectionMixin {
    public static final String URL_ENV = "PROMETHEUS_URL";

    @Option(
            names = "--prometheus-url",
            paramLabel = "URL",
            description = "Prometheus-compatible API base URL, up to (not including) /api/v1, e.g. "
                    + "http://prometheus:9090 or https://mimir.example/prometheus. Default: $" + URL_ENV + ".")
    String url;

    @Mixin
    BearerTokenOptions bearer = new BearerTokenOptions();

    @Option(
            names = "--basic-auth-user",
            paramLabel = "USER",
            description = "HTTP basic auth user; the password comes from --basic-auth-password-file or "
                    + "--basic-auth-password-env.")
    String basicAuthUser;

    @Option(
            names = "--basic-auth-password-file",
            paramLabel = "FILE",
            description = "Basic auth password read from FILE (a trailing newline is ignored).")
    Path basicAuthPasswordFile;

    @Option(
            names = "--basic-auth-password-env",
            paramLabel = "VAR",
            description = "Basic auth password read from environment variable VAR.")
    String basicAuthPasswordEnv;

    @Option(
            names = "--header",
            paramLabel = "HEADER",
            description =
                    "Extra HTTP header 'Name: value' for every request, repeatable; e.g. --header 'X-Scope-OrgID: tenant-1' "
                            + "for Mimir, Cortex or Thanos. Values are never printed; Authorization is refused (use "
                            + "--bearer-token-file/--bearer-token-env).")
    List<String> headers = new ArrayList<>();

    @Mixin
    TlsOptions tlsOptions = new TlsOptions();

    @Option(
            names = "--query-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Time limit of one HTTP request, e.g. 30s, 2m, 1m30s (default: ${DEFAULT-VALUE}).")
    Duration queryTimeout;

    @Option(
            names = "--max-retries",
            paramLabel = "N",
            defaultValue = "4",
            description = "Retries after a connection error, timeout, 429 or 5xx, with exponential backoff and "
                    + "full jitter; 0 disables (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(
            names = "--retry-budget",
            paramLabel = "DURATION",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description = "Total time for one request including its retries (default: ${DEFAULT-VALUE}).")
    Duration retryBudget;

    @Option(
            names = "--max-answer-size",
            paramLabel = "SIZE",
            defaultValue = "256MiB",
            converter = ByteSizeConverter.class,
            description = "Largest answer read from Prometheus, e.g. 64MiB, 1GiB; a larger one fails the run "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxAnswerSize;

    private Function<String, String> environment = System::getenv;
    private PrometheusEndpoint endpoint;

    /** Replaces the environment lookup (tests; never needed by tools). */
    public PrometheusConnectionMixin environment(Function<String, String> lookup) {
        this.environment = Objects.requireNonNull(lookup);
        this.endpoint = null;
        return this;
    }

    /**
     * The validated endpoint: URL, credentials read and registered as secrets, headers, TLS,
     * timeout and retries. Throws {@link ToolException#usage} with one line on any bad option.
     */
    public PrometheusEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = buildEndpoint();
        }
        return endpoint;
    }

    /**
     * A client for the endpoint; warns on stderr when TLS verification is off or credentials would
     * travel over plain http.
     */
    public PrometheusClient connect(Diagnostics diagnostics) {
        PrometheusEndpoint resolved = endpoint();
        if (resolved.tls().insecureSkipVerify()) {
            diagnostics.warn(TlsOptions.INSECURE_OPTION + " is on: the server's certificate and host name are NOT "
                    + "verified, so anyone on the network path can read the credentials and forge answers");
        }
        if (resolved.baseUrl().regionMatches(true, 0, "http:", 0, 5) && !(resolved.auth() instanceof Auth.None)) {
            diagnostics.warn("credentials are sent over plain http to " + resolved.baseUrl() + "; prefer https");
        }
        diagnostics.detail(
                "prometheus: " + resolved.baseUrl() + " (" + DurationConverter.format(resolved.requestTimeout())
                        + " per request, up to " + (resolved.retryPolicy().maxAttempts() - 1)
                        + " retries within "
                        + DurationConverter.format(resolved.retryPolicy().budget()) + ")");
        RetryPolicy retries = resolved.retryPolicy()
                .withListener((failure, nextAttempt, maxAttempts, delay) ->
                        diagnostics.detail("retrying in " + DurationConverter.format(delay) + " (attempt " + nextAttempt
                                + " of " + maxAttempts + ") after: " + failure.getMessage()));
        return new HttpPrometheusClient(resolved.withRetryPolicy(retries));
    }

    private PrometheusEndpoint buildEndpoint() {
        String baseUrl = url != null ? url : environment.apply(URL_ENV);
        if (baseUrl == null || baseUrl.isBlank()) {
            throw ToolException.usage("missing --prometheus-url URL (or set " + URL_ENV + ")");
        }
        String source = url != null ? "--prometheus-url" : URL_ENV;
        Map<String, String> headerMap = HeaderOption.parseAll("--header", headers);
        Auth auth = auth();
        TlsSettings tls = tlsOptions.settings();
        if (queryTimeout == null || queryTimeout.isZero() || queryTimeout.isNegative()) {
            throw ToolException.usage("--query-timeout must be positive");
        }
        if (maxRetries < 0) {
            throw ToolException.usage("--max-retries must be 0 or more, got " + maxRetries);
        }
        if (retryBudget == null || retryBudget.isZero() || retryBudget.isNegative()) {
            throw ToolException.usage("--retry-budget must be positive");
        }
        RetryPolicy retryPolicy =
                RetryPolicy.defaults().withMaxRetries(maxRetries).withBudget(retryBudget);
        try {
            if (maxAnswerSize < 1) {
                throw ToolException.usage("--max-answer-size must be positive");
            }
            return new PrometheusEndpoint(baseUrl, auth, headerMap, tls, queryTimeout, retryPolicy)
                    .withMaxAnswerBytes(maxAnswerSize);
        } catch (IllegalArgumentException e) {
            throw ToolException.usage(source + " " + shown(baseUrl) + ": " + e.getMessage());
        }
    }

    /**
     * The URL as a message may show it: never its user-info (a password), query or fragment (a token, as
     * in {@code ?token=...}); worked on the text, since the URL may not even parse.
     */
    static String shown(String url) {
        if (url.contains("@")) {
            return "(URL with credentials)";
        }
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
        return "'" + (cut < 0 ? url : url.substring(0, cut + 1) + "…") + "'";
    }

    private Auth auth() {
        boolean basic = basicAuthUser != null || basicAuthPasswordFile != null || basicAuthPasswordEnv != null;
        if (bearer.given() && basic) {
            throw ToolException.usage("choose one authentication: a bearer token or basic auth, not both");
        }
        if (bearer.given()) {
            return new Auth.Bearer(bearer.token(environment::apply));
        }
        if (basic) {
            if (basicAuthUser == null || basicAuthUser.isEmpty()) {
                throw ToolException.usage("basic auth needs --basic-auth-user USER");
            }
            if (basicAuthUser.contains(":")) {
                throw ToolException.usage("--basic-auth-user must not contain ':'");
            }
            if ((basicAuthPasswordFile == null) == (basicAuthPasswordEnv == null)) {
                throw ToolException.usage("--basic-auth-user needs exactly one of --basic-auth-password-file FILE "
                        + "or --basic-auth-password-env VAR");
            }
            String password = basicAuthPasswordFile != null
                    ? SecretSource.fromFile("--basic-auth-password-file", basicAuthPasswordFile)
                    : SecretSource.fromEnv("--basic-auth-password-env", basicAuthPasswordEnv, environment);
            return new Auth.Basic(basicAuthUser, password);
        }
        return Auth.NONE;
    }
}
