package dev.gaday.ws.cli;

import dev.gaday.common.cli.BearerTokenOptions;
import dev.gaday.common.cli.BuildInfo;
import dev.gaday.common.cli.ByteSizeConverter;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.Finding;
import dev.gaday.common.cli.HeaderOption;
import dev.gaday.common.cli.OutputDirMixin;
import dev.gaday.common.cli.OutputFormatMixin;
import dev.gaday.common.cli.ProgressLine;
import dev.gaday.common.cli.RunOutput;
import dev.gaday.common.cli.RunReport;
import dev.gaday.common.cli.SlackWebhookOptions;
import dev.gaday.common.cli.TerminalFacts;
import dev.gaday.common.cli.TlsOptions;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.cli.ToolLauncher;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.http.Tls;
import dev.gaday.common.http.TlsSettings;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.secret.Secrets;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.StatusMarks;
import dev.gaday.common.verdict.Verdict;
import dev.gaday.ws.notify.SlackNotifier;
import dev.gaday.ws.probe.DisconnectMode;
import dev.gaday.ws.probe.ProbeRun;
import dev.gaday.ws.probe.ProbeSettings;
import dev.gaday.ws.probe.ReconnectPolicy;
import dev.gaday.ws.report.MetricsReport;
import dev.gaday.ws.report.Thresholds;
import dev.gaday.ws.stats.RunStats;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Validates WebSocket reconnect behaviour against the reconnect validation criteria. */
@Command(
        name = "ws-health",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.class,
        subcommands = ServeWsEchoCommand.class,
        sortOptions = false,
        description = {
            "Validates WebSocket reconnect behaviour against the reconnect validation criteria (success rate, "
                    + "average and p99 reconnect latency, longest downtime; jitter warns).",
            "%nEach cycle holds the connection open for --interval, forces a disconnect (a close frame, or a TCP "
                    + "reset without one), then reconnects under the reconnect policy (exponential backoff, full "
                    + "jitter) and measures the time until the connection (with --send/--ping: the application) "
                    + "answers again. Writes DIR/ws_health_metrics.json (-o DIR, default the current directory; "
                    + "docs/schema/ws-health-metrics.md). A summary goes to a Slack incoming webhook with "
                    + "--slack-webhook-env VAR or --slack-webhook-file FILE (default: the URL in $SLACK_WEBHOOK_URL, "
                    + "if set); a failing webhook is reported but never changes the verdict.%n",
            "Durations take a unit (250ms, 1.5s, 5m, 1h, 7d); a bare number is seconds (--interval 5 is 5s).%n"
        },
        footer = {
            "%nExamples:",
            "  ws-health --endpoint wss://ws.example.com/ws --duration 1h --interval 60s --bearer-token-env WS_TOKEN -o out",
            "  ws-health --endpoint ws://127.0.0.1:8080/ws --iterations 100 --connections 50 --send ping --expect pong",
            "  ws-health --endpoint ws://127.0.0.1:8080/ws --iterations 20 --format json > ws-verdict.json",
            "  ws-health serve --port 8080 --drop-after 30s"
        })
public final class CheckWsHealthCommand extends ToolCommand {
    static final String SLACK_ENV = "SLACK_WEBHOOK_URL";
    public static final String METRICS_FILE = "ws_health_metrics.json";
    private static final int MAX_CONNECTIONS = 20_000;
    /** A close frame may carry 125 bytes: a smaller cap would break the close handshake. */
    private static final long MIN_MESSAGE_SIZE = 125;

    @Option(names = "--endpoint", paramLabel = "URL", description = "The ws:// or wss:// endpoint to probe (required).")
    String endpoint;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "Reconnect cycles per connection (default 10 unless --duration is given).")
    Integer iterations;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Run for this long instead of a number of cycles (e.g. 1h, 90s). Cycles still "
                    + "reconnecting when it ends are reported as unfinished.")
    Duration duration;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "1s",
            description =
                    "How long each connection stays open before the next forced disconnect (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--connections",
            paramLabel = "C",
            defaultValue = "1",
            description = "Parallel client connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(
            names = "--ramp-up",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Spread the connections' start over this time (default: one --interval).")
    Duration rampUp;

    @Option(
            names = "--disconnect-mode",
            paramLabel = "MODE",
            defaultValue = "both",
            description =
                    "close (close frame), drop (TCP reset, no close frame) or both, alternating (default: ${DEFAULT-VALUE}).")
    DisconnectMode disconnectMode;

    @Option(
            names = "--send",
            paramLabel = "MESSAGE",
            description =
                    "After each connect, send this text message and wait for a reply: the application must answer.")
    String send;

    @Option(
            names = "--expect",
            paramLabel = "REGEX",
            description = "With --send: the reply must contain a match for this regular expression.")
    String expect;

    @Option(names = "--ping", description = "After each connect, send a ping and wait for the pong.")
    boolean ping;

    @Option(
            names = "--reconnect-initial-delay",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "100ms",
            description = "Backoff cap before the first reconnect attempt (default: ${DEFAULT-VALUE}).")
    Duration reconnectInitialDelay;

    @Option(
            names = "--reconnect-max-delay",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "30s",
            description = "Largest backoff cap (default: ${DEFAULT-VALUE}).")
    Duration reconnectMaxDelay;

    @Option(
            names = "--reconnect-multiplier",
            paramLabel = "X",
            defaultValue = "2",
            description =
                    "Backoff cap growth per failed attempt; each delay is uniform in [0, cap] (default: ${DEFAULT-VALUE}).")
    double reconnectMultiplier;

    @Option(
            names = "--reconnect-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "30s",
            description = "A cycle fails when the connection is not back within this time (default: ${DEFAULT-VALUE}).")
    Duration reconnectTimeout;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "5s",
            description = "Bound of the TCP connect (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(
            names = "--handshake-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "10s",
            description = "Bound of the TLS handshake, of the HTTP upgrade, and of the wait for a "
                    + "--send/--ping answer, each (default: ${DEFAULT-VALUE}).")
    Duration handshakeTimeout;

    @Option(
            names = "--max-message-size",
            paramLabel = "SIZE",
            converter = ByteSizeConverter.class,
            defaultValue = "1MiB",
            description = "Largest frame, and largest message (all its fragments), accepted "
                    + "from the server; a larger one ends that connection and counts as a failed attempt "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxMessageSize;

    @Option(
            names = "--header",
            paramLabel = "HEADER",
            description =
                    "An HTTP header 'Name: value' for the upgrade request (repeatable). Values are never printed; "
                            + "Authorization is refused (use --bearer-token-file/--bearer-token-env).")
    List<String> headers = List.of();

    @Mixin
    BearerTokenOptions bearer = new BearerTokenOptions();

    /** The earlier name of --bearer-token-file, kept hidden so that existing scripts keep working. */
    @Option(names = "--token-file", paramLabel = "FILE", hidden = true)
    void legacyTokenFile(Path file) {
        bearer.fromFile("--token-file", file);
    }

    /** The earlier name of --bearer-token-env, kept hidden so that existing scripts keep working. */
    @Option(names = "--token-env", paramLabel = "VAR", hidden = true)
    void legacyTokenEnv(String variable) {
        bearer.fromEnv("--token-env", variable);
    }

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Option(
            names = "--min-success-rate",
            paramLabel = "PERCENT",
            defaultValue = "95",
            description = "Criterion: reconnection success rate >= this (default: ${DEFAULT-VALUE}).")
    double minSuccessRate;

    @Option(
            names = "--max-avg-latency",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "10s",
            description = "Criterion: average reconnection latency < this (default: ${DEFAULT-VALUE}).")
    Duration maxAvgLatency;

    @Option(
            names = "--max-p99-latency",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "30s",
            description = "Criterion: p99 reconnection latency < this (default: ${DEFAULT-VALUE}).")
    Duration maxP99Latency;

    @Option(
            names = "--max-downtime",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "60s",
            description = "Criterion: longest downtime < this (default: ${DEFAULT-VALUE}).")
    Duration maxDowntime;

    @Option(
            names = "--max-avg-jitter",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "2s",
            description = "Warning only: average jitter < this (default: ${DEFAULT-VALUE}).")
    Duration maxAvgJitter;

    @Mixin
    SlackWebhookOptions slack = new SlackWebhookOptions();

    /**
     * The earlier option, the webhook URL itself: kept hidden so that existing scripts keep working, with a
     * warning, since the URL (the secret) is visible in the process list.
     */
    @Option(names = "--slack-webhook", paramLabel = "URL", hidden = true)
    String legacySlackWebhook;

    @Mixin
    OutputDirMixin output = new OutputDirMixin();

    @Mixin
    OutputFormatMixin format = new OutputFormatMixin();

    private UnaryOperator<String> environment = System::getenv;
    private volatile ProbeRun run;
    private final CountDownLatch finished = new CountDownLatch(1);

    private ProbeSettings settings;
    private String displayEndpoint;
    private String webhook;
    private Path metricsFile;

    /**
     * The webhook URL from --slack-webhook-env or --slack-webhook-file; else from the deprecated --slack-webhook
     * (warned about); else from $SLACK_WEBHOOK_URL; null for none. Registered as a secret either way.
     */
    private String slackWebhook() {
        if (legacySlackWebhook != null) {
            Secrets.register(legacySlackWebhook);
            if (slack.given()) {
                throw ToolException.usage(SlackWebhookOptions.GIVE_ONCE);
            }
            diagnostics()
                    .warn("--slack-webhook is deprecated: the URL in it is visible in the process list; use "
                            + SlackWebhookOptions.ENV_OPTION + " VAR or " + SlackWebhookOptions.FILE_OPTION
                            + " FILE");
            return legacySlackWebhook.isBlank() ? null : legacySlackWebhook;
        }
        if (slack.given()) {
            return slack.url(environment::apply).toString();
        }
        String fromDefault = environment.apply(SLACK_ENV);
        if (fromDefault == null || fromDefault.isBlank()) {
            return null;
        }
        Secrets.register(fromDefault);
        return fromDefault;
    }

    /** For tests: the environment variables the command sees. */
    public CheckWsHealthCommand withEnvironment(Map<String, String> variables) {
        this.environment = variables::get;
        return this;
    }

    @Override
    protected void validate() {
        if (endpoint == null || endpoint.isBlank()) {
            throw ToolException.usage("--endpoint is required (e.g. --endpoint wss://host/ws)");
        }
        if (iterations != null && duration != null) {
            throw ToolException.usage("give --iterations or --duration, not both");
        }
        if (iterations != null && iterations < 1) {
            throw ToolException.usage("--iterations must be at least 1");
        }
        if (duration != null && duration.isZero()) {
            throw ToolException.usage("--duration must be longer than 0");
        }
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw ToolException.usage("--connections must be between 1 and " + MAX_CONNECTIONS);
        }
        if (expect != null && send == null) {
            throw ToolException.usage("--expect needs --send (the message whose reply is checked)");
        }
        if (send != null && ping) {
            throw ToolException.usage("use --send or --ping, not both");
        }
        requirePositive(connectTimeout, "--connect-timeout");
        requirePositive(handshakeTimeout, "--handshake-timeout");
        requirePositive(reconnectTimeout, "--reconnect-timeout");
        if (!(minSuccessRate >= 0 && minSuccessRate <= 100)) {
            throw ToolException.usage("--min-success-rate must be between 0 and 100");
        }
        // These criteria are "below the threshold": a threshold of 0 could never be met.
        requirePositive(maxAvgLatency, "--max-avg-latency");
        requirePositive(maxP99Latency, "--max-p99-latency");
        requirePositive(maxDowntime, "--max-downtime");
        requirePositive(maxAvgJitter, "--max-avg-jitter");
        if (maxMessageSize < MIN_MESSAGE_SIZE || maxMessageSize > Integer.MAX_VALUE) {
            throw ToolException.usage(
                    "--max-message-size must be between " + ByteSizeConverter.format(MIN_MESSAGE_SIZE) + " and 2GiB");
        }
        URI uri = parseEndpoint(endpoint);
        displayEndpoint = displayed(uri);
        Map<String, String> requestHeaders = parseHeaders();
        Pattern expectPattern = compileExpect();
        ReconnectPolicy policy;
        try {
            policy = new ReconnectPolicy(reconnectInitialDelay, reconnectMaxDelay, reconnectMultiplier);
        } catch (IllegalArgumentException e) {
            throw ToolException.usage(e.getMessage());
        }
        webhook = slackWebhook();
        boolean secure = "wss".equals(uri.getScheme());
        TlsSettings tlsSettings = tls.settings();
        if (!secure && tls.given()) {
            diagnostics()
                    .warn("the TLS options (--ca-file, --client-cert, --client-key, " + TlsOptions.INSECURE_OPTION
                            + ") only matter for wss:// endpoints");
        }
        SSLContext sslContext = !secure ? null : Tls.sslContext(tlsSettings);
        InetAddress address = resolve(uri.getHost());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        metricsFile = outputDirectory().resolve(METRICS_FILE);
        settings = new ProbeSettings(
                uri,
                address,
                port,
                requestHeaders,
                sslContext,
                !tlsSettings.insecureSkipVerify(),
                connectTimeout,
                handshakeTimeout,
                policy,
                reconnectTimeout,
                connections,
                duration == null ? effectiveIterations() : 0,
                duration,
                interval,
                disconnectMode,
                send,
                expectPattern,
                ping,
                rampUp != null ? rampUp : interval,
                (int) maxMessageSize);
    }

    /**
     * The output directory, created and checked before the run, so that an hour of probing is not lost
     * to a typo in --output.
     */
    private Path outputDirectory() {
        Path requested = output.requested();
        if (requested != null
                && requested.getFileName() != null
                && requested.getFileName().toString().endsWith(".json")
                && !Files.isDirectory(requested)) {
            // Earlier versions took a file here: refuse rather than create a directory named like the file.
            throw ToolException.usage("--output " + requested + ": -o names a directory (" + METRICS_FILE
                    + " is written into it), not a .json file");
        }
        return output.resolve(Path.of("."));
    }

    private int effectiveIterations() {
        return iterations == null ? 10 : iterations;
    }

    private static void requirePositive(Duration value, String option) {
        if (value.isZero() || value.isNegative()) {
            throw ToolException.usage(option + " must be longer than 0");
        }
    }

    private static URI parseEndpoint(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw ToolException.usage("--endpoint is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw ToolException.usage("--endpoint must start with ws:// or wss://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ToolException.usage("--endpoint has no host");
        }
        if (uri.getRawQuery() != null) {
            Secrets.register(uri.getRawQuery());
        }
        if (uri.getRawUserInfo() != null) {
            Secrets.register(uri.getRawUserInfo());
        }
        return uri;
    }

    /** The endpoint as reports show it: no user info, no query (either may carry a credential). */
    private static String displayed(URI uri) {
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() != -1) {
            text.append(':').append(uri.getPort());
        }
        text.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        return text.toString();
    }

    private Map<String, String> parseHeaders() {
        Map<String, String> result = new LinkedHashMap<>(HeaderOption.parseAll("--header", headers));
        String token = bearer.token(environment::apply);
        if (token != null) {
            result.put("Authorization", "Bearer " + token);
        }
        return result;
    }

    private Pattern compileExpect() {
        if (expect == null) {
            return null;
        }
        try {
            return Pattern.compile(expect);
        } catch (PatternSyntaxException e) {
            throw ToolException.usage("--expect is not a valid regular expression: " + e.getDescription());
        }
    }

    private static InetAddress resolve(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw ToolException.badInput("cannot resolve the endpoint's host '" + host + "'");
        }
    }

    @Override
    protected ExitCode execute() {
        try {
            return probe();
        } finally {
            finished.countDown();
        }
    }

    private ExitCode probe() {
        diagnostics()
                .info("probing " + displayEndpoint + " with " + connections + " connection(s), "
                        + (duration != null
                                ? "for " + DurationConverter.format(duration)
                                : effectiveIterations() + " cycle(s) each")
                        + ", disconnect mode " + disconnectMode.label());
        if (tls.insecure()) {
            diagnostics().warn("TLS verification is off (" + TlsOptions.INSECURE_OPTION + ")");
        }
        Instant startedAt = Instant.now();
        ProbeRun probeRun = new ProbeRun(settings);
        run = probeRun;
        RunStats stats;
        Integer planned = duration == null ? effectiveIterations() * connections : null;
        ProgressLine progress = new ProgressLine(
                        spec.root().name(),
                        err(),
                        TerminalFacts.detect(environment),
                        diagnostics().verbosity())
                .counting("cycles");
        Thread ticker = startProgress(probeRun, progress, planned, startedAt);
        try {
            stats = probeRun.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats = probeRun.stats();
        } finally {
            ticker.interrupt();
            try {
                ticker.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            showProgress(probeRun.stats(), progress, planned, startedAt);
            progress.finish();
        }
        Instant finishedAt = Instant.now();
        if (probeRun.stopped()) {
            diagnostics().warn("run interrupted; reporting what was measured until then");
        }
        Thresholds thresholds = new Thresholds(
                minSuccessRate,
                seconds(maxAvgLatency),
                seconds(maxP99Latency),
                seconds(maxDowntime),
                seconds(maxAvgJitter));
        Integer plannedCycles = duration == null ? effectiveIterations() * connections : null;
        // A stop that came after the last planned cycle (a late Ctrl-C) leaves the evidence complete.
        boolean interrupted = probeRun.stopped() && (plannedCycles == null || stats.totalTests() < plannedCycles);
        WsHealthMetrics metrics = MetricsReport.build(
                BuildInfo.version(),
                displayEndpoint,
                startedAt,
                finishedAt,
                connections,
                disconnectMode.label(),
                stats,
                thresholds,
                interrupted,
                plannedCycles);
        Json.writeFile(metricsFile, metrics);
        ExitCode exit = metrics.totalTests() == 0
                ? ExitCode.INCONCLUSIVE
                : new Verdict(
                                metrics.compliance().status(),
                                metrics.compliance().requirements())
                        .exitCode();
        // The measurements for people; with --format json stdout holds only the run summary, so they go to stderr.
        if (!format.json()) {
            printSummary(metrics, out());
        } else if (diagnostics().verbosity() >= 0) {
            printSummary(metrics, err());
        }
        if (webhook != null) {
            String failure = new SlackNotifier(webhook).send(metrics);
            if (failure != null) {
                diagnostics().warn("Slack notification failed: " + failure + "; the verdict is unchanged");
            } else {
                diagnostics().detail("Slack notification sent");
            }
        }
        if (metrics.totalTests() == 0) {
            diagnostics()
                    .error("no reconnect cycle completed (lengthen --duration, or shorten --interval or "
                            + "--reconnect-timeout); wrote " + metricsFile);
        }
        new RunOutput(out(), err(), format.json(), TerminalFacts.detect(environment), environment, diagnostics())
                .print(runReport(metrics, exit, metricsFile));
        return exit;
    }

    /** The run summary: each criterion that did not pass, for this endpoint; the metrics file. */
    static RunReport runReport(WsHealthMetrics metrics, ExitCode exit, Path metricsFile) {
        List<Finding> findings = new java.util.ArrayList<>();
        for (CriterionResult result : metrics.compliance().requirements()) {
            Finding finding = Finding.of(result, metrics.endpoint());
            if (finding != null) {
                findings.add(finding);
            }
        }
        String headline = metrics.endpoint() + ": " + ReportFormat.count(metrics.successful()) + " of "
                + ReportFormat.count(metrics.totalTests()) + " reconnects succeeded"
                + (metrics.wasInterrupted() ? ", interrupted" : "");
        return RunReport.of(
                "ws-health", exit, metrics.wasInterrupted(), headline, findings, List.of(metricsFile.toString()));
    }

    /** Redraws the progress line four times a second while the probes run. */
    private Thread startProgress(ProbeRun probeRun, ProgressLine progress, Integer planned, Instant startedAt) {
        Thread ticker = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(250);
                            showProgress(probeRun.stats(), progress, planned, startedAt);
                        }
                    } catch (InterruptedException e) {
                        // the run is over
                    }
                },
                "ws-health-progress");
        ticker.setDaemon(true);
        ticker.start();
        return ticker;
    }

    /** "12/50 cycles, 0:13 elapsed, 0:41 left, success 100%, p50 3.2 ms". */
    private void showProgress(RunStats stats, ProgressLine progress, Integer planned, Instant startedAt) {
        int done = stats.totalTests();
        Duration left = duration == null ? null : duration.minus(Duration.between(startedAt, Instant.now()));
        Double p50 = stats.reconnectLatency().p50();
        String detail = "success " + ReportFormat.percent(stats.successRatePercent(), 1) + ", p50 "
                + ReportFormat.millis(p50, 3);
        progress.update(done, planned == null ? 0 : planned, left, detail);
    }

    private void printSummary(WsHealthMetrics m, PrintWriter out) {
        StatusMarks marks = StatusMarks.forStandardOutput();
        out.printf("ws-health measured %s%n", m.endpoint());
        if (m.wasInterrupted()) {
            out.printf(
                    "  INTERRUPTED after %s of %s cycles: partial evidence, never a pass%n",
                    ReportFormat.count(m.completedCycles()),
                    m.plannedCycles() == null ? "the planned" : ReportFormat.count(m.plannedCycles()));
        }
        out.printf(
                "  tests %s, successful %s, failed %s%s%n",
                ReportFormat.count(m.totalTests()),
                ReportFormat.count(m.successful()),
                ReportFormat.count(m.failed()),
                m.unfinishedCycles() != null && m.unfinishedCycles() > 0
                        ? ", unfinished " + ReportFormat.count(m.unfinishedCycles())
                        : "");
        if (m.latencyMs().avg() != null) {
            out.printf(
                    "  reconnect latency: avg %s, p50 %s, p95 %s, p99 %s, max %s%n",
                    ReportFormat.millis(m.latencyMs().avg(), 3),
                    ReportFormat.millis(m.latencyMs().p50(), 3),
                    ReportFormat.millis(m.latencyMs().p95(), 3),
                    ReportFormat.millis(m.latencyMs().p99(), 3),
                    ReportFormat.millis(m.latencyMs().max(), 3));
        }
        if (m.serverInitiatedDrops() != null && m.serverInitiatedDrops().count() > 0) {
            out.printf(
                    "  server-initiated drops: %s, recovered %s%n",
                    ReportFormat.count(m.serverInitiatedDrops().count()),
                    ReportFormat.count(m.serverInitiatedDrops().recovered()));
        }
        for (CriterionResult r : m.compliance().requirements()) {
            out.printf(
                    "  %-7s %-26s %12s  (%s%s)%n",
                    marks.mark(r.status()),
                    r.name(),
                    MetricsReport.measured(r),
                    MetricsReport.threshold(r),
                    r.warningOnly() ? ", warning only" : "");
        }
        if (m.failureReasons() != null && !m.failureReasons().isEmpty()) {
            StringBuilder reasons = new StringBuilder();
            new java.util.TreeMap<>(m.failureReasons())
                    .forEach((reason, count) -> reasons.append(reasons.length() == 0 ? "" : ", ")
                            .append(reason)
                            .append(' ')
                            .append(ReportFormat.count(count)));
            out.printf("  failed attempts: %s%n", reasons);
        }
        out.flush();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    /** Ctrl-C: stops the probes; the metrics measured so far are still written. */
    void stopAndAwaitReport(Duration timeout) {
        ProbeRun current = run;
        if (current == null) {
            return;
        }
        current.stop();
        try {
            finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        ToolLauncher.run(
                "ws-health",
                () -> {
                    CheckWsHealthCommand command = new CheckWsHealthCommand();
                    Thread hook =
                            new Thread(() -> command.stopAndAwaitReport(Duration.ofSeconds(10)), "ws-health-shutdown");
                    Runtime.getRuntime().addShutdownHook(hook);
                    return command;
                },
                args);
    }
}
