package dev.gaday.kpi.validate.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.ws.WsHealthMetrics;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.Evaluator;
import dev.gaday.kpi.validate.check.Outcome;
import dev.gaday.kpi.validate.check.Severity;
import dev.gaday.kpi.validate.check.Values;
import dev.gaday.kpi.validate.source.InputFiles;
import dev.gaday.kpi.validate.source.KubernetesRollouts;
import dev.gaday.kpi.validate.source.PromQl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The GA set: eleven checks with stable names and the seed's thresholds (each overridable in checks.yaml). Every
 * Prometheus question is asked over the whole GA window (evaluated at its end), not just "now".
 */
public final class GaChecks {
    public static final String DRIFT = "ga.drift_stability";
    public static final String CANARY = "ga.canary_success";
    public static final String SLO = "ga.slo_verification";
    public static final String WEBSOCKET = "ga.websocket_reconnect";
    public static final String DASHBOARD = "ga.dashboard_performance";
    public static final String DATABASE = "ga.database_query_performance";
    public static final String MEMORY = "ga.memory_retention";
    public static final String ALERTS = "ga.zero_critical_alerts";
    public static final String ROLLOUT = "ga.rollout_complete";
    public static final String RESTARTS = "ga.no_pod_restarts";
    public static final String SCRAPE = "ga.metrics_collection_healthy";

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    private GaChecks() {}

    /** The GA set with the settings' thresholds and severities applied, in the seed's order. */
    public static List<Check> all(GaSettings settings) {
        List<Check> checks = List.of(
                check(
                        DRIFT,
                        "stability",
                        "CPU and memory drift below 10 %",
                        Comparator.LESS,
                        10,
                        "%",
                        (c, ctx) -> drift(c, ctx)),
                check(
                        CANARY,
                        "stability",
                        "canary success rate at least 99 %",
                        Comparator.GREATER_OR_EQUAL,
                        99,
                        "%",
                        (c, ctx) -> canary(c, ctx, settings)),
                check(
                        SLO,
                        "reliability",
                        "availability at least 99.9 % and error rate below "
                                + Values.format(settings.maxErrorRatePercent()) + " % per service",
                        Comparator.GREATER_OR_EQUAL,
                        99.9,
                        "%",
                        (c, ctx) -> slo(c, ctx, settings)),
                check(
                        WEBSOCKET,
                        "reliability",
                        "WebSocket reconnect success at least 95 %",
                        Comparator.GREATER_OR_EQUAL,
                        95,
                        "%",
                        GaChecks::websocket),
                check(
                        DASHBOARD,
                        "performance",
                        "dashboard load time p95 below 2 s",
                        Comparator.LESS,
                        2,
                        "s",
                        (c, ctx) -> settings.dashboard() == null
                                ? Outcome.skipped("no dashboard URL configured (ga.dashboard.urls in checks.yaml)")
                                : SourceChecks.http(c, ctx, settings.dashboard())),
                check(
                        DATABASE,
                        "performance",
                        "each configured query below 50 ms (median)",
                        Comparator.LESS,
                        50,
                        "ms",
                        (c, ctx) -> settings.database() == null
                                ? Outcome.skipped("no database configured (ga.database in checks.yaml)")
                                : SourceChecks.sql(c, ctx, settings.database())),
                check(
                        MEMORY,
                        "resources",
                        "process memory below 2 GiB and no leak (growth at most "
                                + Values.format(settings.leakBytesPerHour() / MIB) + " MiB/h)",
                        Comparator.LESS,
                        2 * GIB,
                        "bytes",
                        (c, ctx) -> memory(c, ctx, settings)),
                check(
                        ALERTS,
                        "reliability",
                        "no critical alert firing at any time in the window",
                        Comparator.LESS_OR_EQUAL,
                        0,
                        "alerts",
                        GaChecks::alerts),
                check(
                        ROLLOUT,
                        "deployment",
                        "every watched deployment 100 % updated and available",
                        Comparator.GREATER_OR_EQUAL,
                        100,
                        "%",
                        (c, ctx) -> rollout(c, ctx, settings)),
                check(
                        RESTARTS,
                        "deployment",
                        "no container restarts in the last "
                                + settings.restartWindow().toHours() + " h of the window",
                        Comparator.LESS_OR_EQUAL,
                        0,
                        "restarts",
                        (c, ctx) -> restarts(c, ctx, settings)),
                check(
                        SCRAPE,
                        "observability",
                        "scrape success (up) at least 99 % over the window",
                        Comparator.GREATER_OR_EQUAL,
                        99,
                        "%",
                        GaChecks::scrape));
        List<Check> configured = new ArrayList<>();
        for (Check check : checks) {
            Check adjusted = check;
            Double threshold = settings.thresholds().get(check.name());
            if (threshold != null) {
                adjusted = adjusted.withThreshold(threshold);
            }
            Severity severity = settings.severities().get(check.name());
            if (severity != null) {
                adjusted = adjusted.withSeverity(severity);
            }
            configured.add(adjusted);
        }
        return configured;
    }

    private static Check check(
            String name,
            String category,
            String description,
            Comparator comparator,
            double threshold,
            String unit,
            Evaluator evaluator) {
        return new Check(name, category, Severity.CRITICAL, "ga", description, comparator, threshold, unit, evaluator);
    }

    // ga.drift_stability: drift-detector's judgement when given, else the first half of the window against the
    // second (a coarse comparison: daily traffic shapes show as drift).
    static Outcome drift(Check check, CheckContext context) {
        Optional<Path> file = context.input(InputFiles.DRIFT_ANALYSIS);
        if (file.isPresent()) {
            JsonNode analysis = InputFiles.read(file.get(), "drift-analysis");
            if ("NO_DATA".equals(analysis.path("status").asText())) {
                throw CheckFailure.noData(file.get() + ": drift-detector found no data", null);
            }
            double worst = 0;
            StringBuilder evidence = new StringBuilder("from ")
                    .append(file.get())
                    .append(" (mode ")
                    .append(analysis.path("mode").asText("?"))
                    .append(", ")
                    .append(analysis.path("totalChecks").asText("?"))
                    .append(" checks)");
            int counted = 0;
            for (InputFiles.Drift drift : InputFiles.drifts(analysis)) {
                if (drift.isCpuOrMemory() && drift.changePercent() != null) {
                    counted++;
                    worst = Math.max(worst, Math.abs(drift.changePercent()));
                    evidence.append("\n  ")
                            .append(drift.metric())
                            .append(drift.service() == null ? "" : " (" + drift.service() + ")")
                            .append(": ")
                            .append(Values.format(drift.changePercent()))
                            .append(" %");
                }
            }
            String reason = counted == 0
                    ? "no CPU or memory drift listed by drift-detector"
                    : "largest CPU/memory drift " + Values.format(worst) + " %, threshold " + check.thresholdText();
            return Outcome.verdict(check.holds(worst), worst, reason, evidence.toString());
        }
        Instant mid = context.start().plus(context.window().dividedBy(2));
        String half = context.window().dividedBy(2).getSeconds() + "s";
        // CPU per request, so that the day's traffic shape is not taken for drift; raw CPU without request counters.
        String cpuPerRequest = "avg_over_time((sum(rate(process_cpu_seconds_total[5m])) / sum(rate(http_requests_total"
                + "[5m])))[" + half + ":1m])";
        String cpu = "avg_over_time((sum(rate(process_cpu_seconds_total[5m])))[" + half + ":1m])";
        String memory = "avg_over_time((sum(process_resident_memory_bytes))[" + half + ":1m])";
        double worst = 0;
        StringBuilder evidence = new StringBuilder(
                "first half of the window against the second (no " + InputFiles.DRIFT_ANALYSIS + " in --inputs)");
        String[][] metrics = {{"cpu per request", cpuPerRequest}, {"memory", memory}};
        if (PromQl.instant(context, cpuPerRequest, context.end()).isEmpty()) {
            metrics[0] = new String[] {"cpu", cpu};
        }
        for (String[] metric : metrics) {
            double before = single(context, metric[1], mid, metric[0]);
            double after = single(context, metric[1], context.end(), metric[0]);
            double change = before == 0 ? (after == 0 ? 0 : 100) : 100 * (after - before) / before;
            worst = Math.max(worst, Math.abs(change));
            evidence.append("\n")
                    .append(metric[0])
                    .append(": ")
                    .append(metric[1])
                    .append("\n  before (at ")
                    .append(mid)
                    .append(") ")
                    .append(Values.format(before))
                    .append(", after (at ")
                    .append(context.end())
                    .append(") ")
                    .append(Values.format(after))
                    .append(", change ")
                    .append(Values.format(change))
                    .append(" %");
        }
        return Outcome.verdict(
                check.holds(worst),
                worst,
                "largest CPU/memory change " + Values.format(worst) + " %, threshold " + check.thresholdText(),
                evidence.toString());
    }

    static Outcome canary(Check check, CheckContext context, GaSettings settings) {
        Optional<Path> file = context.input(InputFiles.DRIFT_ANALYSIS);
        String notCanary = null;
        if (file.isPresent()) {
            JsonNode analysis = InputFiles.read(file.get(), "drift-analysis");
            String mode = analysis.path("mode").asText("");
            if (mode.equals("canary")) {
                return canaryFromDrift(check, file.get(), analysis);
            }
            // A compare or deploy run's score judges GA against its baseline, not a canary against stable.
            notCanary = InputFiles.DRIFT_ANALYSIS + " is a " + (mode.isEmpty() ? "mode-less" : mode)
                    + " run, not a canary run";
        }
        if (settings.canaryMatchers() == null) {
            return Outcome.skipped("no canary: "
                    + (notCanary == null ? "no " + InputFiles.DRIFT_ANALYSIS + " among the inputs" : notCanary)
                    + ", and no ga.canaryMatchers in checks.yaml");
        }
        String m = settings.canaryMatchers();
        String query =
                "100 * (1 - sum(increase(http_requests_total{" + m + ", status=~\"5..\"}[" + context.windowRange()
                        + "])) / sum(increase(http_requests_total{" + m + "}[" + context.windowRange() + "])))";
        double success = single(context, query, context.end(), "canary success rate");
        return Outcome.verdict(
                check.holds(success),
                success,
                "canary success rate " + Values.format(success) + " %, threshold " + check.thresholdText(),
                "query: " + query + "\nat: " + context.end());
    }

    /**
     * The canary's success rate from drift-detector canary: 100 − the canary side's highest error ratio over the
     * error-ratio checks (the same figure cert-package reports as CANARY_SUCCESS_RATE), held against the check's
     * threshold. drift-detector's own score and verdict judge the canary against stable, not against this
     * threshold, so they go to the evidence only.
     */
    private static Outcome canaryFromDrift(Check check, Path file, JsonNode analysis) {
        JsonNode worst = null;
        int ratios = 0;
        for (JsonNode drift : analysis.path("drifts")) {
            Double current = InputFiles.number(drift.path("current"));
            if ("ratio".equals(drift.path("kind").asText()) && current != null) {
                ratios++;
                if (worst == null || current > worst.path("current").asDouble()) {
                    worst = drift;
                }
            }
        }
        if (worst == null) {
            throw CheckFailure.noData(file + ": no error-ratio check with data on the canary side", null);
        }
        double success = 100 * (1 - worst.path("current").asDouble());
        String service = worst.path("service").asText(null);
        String where = ratios > 1 && service != null ? " (" + service + ", the lowest of " + ratios + ")" : "";
        JsonNode canary = analysis.path("canary");
        return Outcome.verdict(
                check.holds(success),
                success,
                "canary success rate " + Values.format(success) + " %" + where + ", threshold " + check.thresholdText(),
                "from " + file + ": 100 × (1 − drifts[].current) of the error-ratio check "
                        + worst.path("metric").asText() + (service == null ? "" : " (" + service + ")")
                        + "; drift-detector's canary verdict "
                        + canary.path("verdict").asText("absent")
                        + ", score " + canary.path("score").asText("absent"));
    }

    static Outcome slo(Check check, CheckContext context, GaSettings settings) {
        Optional<Path> file = context.input(InputFiles.SLO_STATUS);
        Map<String, double[]> availability = new HashMap<>(); // name -> {availability %, error rate %}
        String evidenceHead;
        if (file.isPresent()) {
            JsonNode status = InputFiles.read(file.get(), "slo-status");
            for (InputFiles.Slo slo : InputFiles.slos(status)) {
                if (slo.isLatency()) {
                    continue;
                }
                Double percent = slo.good() != null && slo.total() != null && slo.total() > 0
                        ? 100 * slo.good() / slo.total()
                        : slo.errorRatio() != null ? 100 * (1 - slo.errorRatio()) : null;
                if (percent != null) {
                    availability.put(
                            slo.name() + (slo.service() == null ? "" : " (" + slo.service() + ")"),
                            new double[] {percent, 100 - percent});
                }
            }
            evidenceHead = "from " + file.get() + " (availability SLOs; good/total)";
        } else {
            String range = context.windowRange();
            String errors = "sum by (service) (increase(http_requests_total{status=~\"5..\"}[" + range + "]))";
            String total = "sum by (service) (increase(http_requests_total[" + range + "]))";
            Map<String, Double> errorCounts = byLabel(PromQl.instant(context, errors, context.end()));
            for (Map.Entry<String, Double> entry :
                    byLabel(PromQl.instant(context, total, context.end())).entrySet()) {
                if (entry.getValue() > 0) {
                    double errorRate = 100 * errorCounts.getOrDefault(entry.getKey(), 0.0) / entry.getValue();
                    availability.put(entry.getKey(), new double[] {100 - errorRate, errorRate});
                }
            }
            evidenceHead = "errors: " + errors + "\ntotal: " + total + "\nat: " + context.end();
        }
        if (availability.isEmpty()) {
            throw CheckFailure.noData("no availability data (no traffic or no series)", evidenceHead);
        }
        StringBuilder evidence = new StringBuilder(evidenceHead);
        double worst = 100;
        List<String> failing = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : new TreeMap<>(availability).entrySet()) {
            double percent = entry.getValue()[0];
            double errorRate = entry.getValue()[1];
            worst = Math.min(worst, percent);
            evidence.append("\n  ")
                    .append(entry.getKey())
                    .append(": availability ")
                    .append(Values.format(percent))
                    .append(" %, error rate ")
                    .append(Values.format(errorRate))
                    .append(" %");
            if (!check.holds(percent) || !(errorRate < settings.maxErrorRatePercent())) {
                failing.add(entry.getKey() + " " + Values.format(percent) + " %");
            }
        }
        String reason = failing.isEmpty()
                ? "lowest availability " + Values.format(worst) + " %, threshold " + check.thresholdText()
                : "below " + check.thresholdText() + " availability or at/above "
                        + Values.format(settings.maxErrorRatePercent()) + " % errors: " + String.join(", ", failing);
        return Outcome.verdict(failing.isEmpty(), worst, reason, evidence.toString());
    }

    static Outcome websocket(Check check, CheckContext context) {
        String range = context.windowRange();
        String query = "100 * sum(increase(websocket_reconnect_success_total[" + range
                + "])) / sum(increase(websocket_reconnect_attempts_total[" + range + "]))";
        List<PromQl.Value> values = PromQl.instant(context, query, context.end());
        StringBuilder evidence = new StringBuilder(PromQl.evidence(query, context.end(), values));
        Double clients = values.isEmpty() || Double.isNaN(values.get(0).value())
                ? null
                : values.get(0).value();
        Double worst = clients;
        Double probe = null;
        Optional<Path> file = context.input(InputFiles.WS_HEALTH);
        if (file.isPresent()) {
            WsHealthMetrics metrics = Json.readFile(file.get(), WsHealthMetrics.class);
            if (metrics.successRatePercent() != null) {
                evidence.append("\nfrom ")
                        .append(file.get())
                        .append(": ")
                        .append(metrics.successful())
                        .append(" of ")
                        .append(metrics.totalTests())
                        .append(" forced reconnects succeeded, ")
                        .append(Values.format(metrics.successRatePercent()))
                        .append(" %");
                probe = metrics.successRatePercent();
                worst = worst == null ? probe : Math.min(worst, probe);
            }
        }
        if (worst == null) {
            throw CheckFailure.noData(
                    "no WebSocket reconnect counters in the window and no " + InputFiles.WS_HEALTH,
                    evidence.toString());
        }
        return Outcome.verdict(
                check.holds(worst),
                worst,
                // Two sources can disagree (real clients through an incident, a synthetic probe beside it): name both.
                "reconnect success " + Values.format(worst) + " %, threshold " + check.thresholdText() + " ("
                        + (clients == null
                                ? ""
                                : "clients' websocket_reconnect_* counters " + Values.format(clients) + " %")
                        + (clients != null && probe != null ? ", " : "")
                        + (probe == null ? "" : "ws-health's probe " + Values.format(probe) + " %") + ")",
                evidence.toString());
    }

    static Outcome memory(Check check, CheckContext context, GaSettings settings) {
        String range = context.windowRange();
        String maxQuery = "max by (instance) (max_over_time(process_resident_memory_bytes[" + range + "]))";
        String slopeQuery = "max by (instance) (deriv(process_resident_memory_bytes[" + range + "]))";
        Map<String, Double> max = byLabel(PromQl.instant(context, maxQuery, context.end()));
        Map<String, Double> slope = byLabel(PromQl.instant(context, slopeQuery, context.end()));
        if (max.isEmpty()) {
            throw CheckFailure.noData("no process_resident_memory_bytes series in the window", "query: " + maxQuery);
        }
        StringBuilder evidence = new StringBuilder(
                "max: " + maxQuery + "\nslope (linear fit): " + slopeQuery + "\nat: " + context.end());
        double worst = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Double> entry : new TreeMap<>(max).entrySet()) {
            double perHour = slope.getOrDefault(entry.getKey(), 0.0) * 3600;
            worst = Math.max(worst, entry.getValue());
            evidence.append("\n  ")
                    .append(entry.getKey())
                    .append(": max ")
                    .append(Values.format(entry.getValue() / MIB))
                    .append(" MiB, growth ")
                    .append(Values.format(perHour / MIB))
                    .append(" MiB/h");
            if (!check.holds(entry.getValue())) {
                problems.add(entry.getKey() + " reached " + Values.format(entry.getValue() / MIB) + " MiB");
            }
            if (perHour > settings.leakBytesPerHour()) {
                problems.add(entry.getKey() + " leaks " + Values.format(perHour / MIB) + " MiB/h");
            }
        }
        String reason = problems.isEmpty()
                ? "largest " + Values.format(worst / MIB) + " MiB, no instance grows " + "faster than "
                        + Values.format(settings.leakBytesPerHour() / MIB) + " MiB/h"
                : String.join("; ", problems);
        return Outcome.verdict(problems.isEmpty(), worst, reason, evidence.toString());
    }

    static Outcome alerts(Check check, CheckContext context) {
        String query =
                "max_over_time(ALERTS{severity=\"critical\", alertstate=\"firing\"}[" + context.windowRange() + "])";
        List<PromQl.Value> values = PromQl.instant(context, query, context.end());
        double count = values.size();
        List<String> names = new ArrayList<>();
        for (PromQl.Value value : values) {
            names.add(value.labels());
        }
        String reason = values.isEmpty()
                ? "no critical alert fired in the window"
                : values.size() + " critical alert(s) fired in the window: " + String.join(", ", names);
        return Outcome.verdict(check.holds(count), count, reason, PromQl.evidence(query, context.end(), values));
    }

    // kube-state-metrics first: they tell the state at the window's end, also for a past window; the cluster's
    // API only tells the state now.
    static Outcome rollout(Check check, CheckContext context, GaSettings settings) {
        String spec = "max by (namespace, deployment) (kube_deployment_spec_replicas)";
        Map<String, Double> desired =
                context.prometheus() == null ? Map.of() : byLabel(PromQl.instant(context, spec, context.end()));
        if (desired.isEmpty()) {
            if (context.kubernetes() != null) {
                return SourceChecks.rolloutFromCluster(check, context, settings.deployments());
            }
            return Outcome.skipped("no cluster configured (--kubeconfig) and no kube-state-metrics series "
                    + "(kube_deployment_spec_replicas) in Prometheus at the window's end");
        }
        Map<String, Double> updated = byLabel(PromQl.instant(
                context, "max by (namespace, deployment) (kube_deployment_status_replicas_updated)", context.end()));
        Map<String, Double> available = byLabel(PromQl.instant(
                context, "max by (namespace, deployment) (kube_deployment_status_replicas_available)", context.end()));
        StringBuilder evidence = new StringBuilder("kube-state-metrics at " + context.end()
                + ": kube_deployment_spec_replicas, kube_deployment_status_replicas_updated, "
                + "kube_deployment_status_replicas_available");
        double worst = 100;
        List<String> incomplete = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (Map.Entry<String, Double> entry : new TreeMap<>(desired).entrySet()) {
            String deployment = entry.getKey();
            if (!settings.deployments().isEmpty()
                    && settings.deployments().stream()
                            .noneMatch(name -> deployment.contains("deployment=\"" + name + "\""))) {
                continue;
            }
            matched.add(deployment);
            double u = updated.getOrDefault(deployment, 0.0);
            double a = available.getOrDefault(deployment, 0.0);
            double percent = SourceChecks.percent(Math.min(u, a), entry.getValue());
            worst = Math.min(worst, percent);
            evidence.append("\n  ")
                    .append(deployment)
                    .append(": desired ")
                    .append(Values.format(entry.getValue()))
                    .append(", updated ")
                    .append(Values.format(u))
                    .append(", available ")
                    .append(Values.format(a));
            if (percent < 100) {
                incomplete.add(deployment + " " + Values.format(percent) + " %");
            }
        }
        for (String name : settings.deployments()) {
            if (matched.stream().noneMatch(d -> d.contains("deployment=\"" + name + "\""))) {
                throw CheckFailure.noData(
                        "watched deployment " + name + " has no kube-state-metrics series at " + context.end(),
                        evidence.toString());
            }
        }
        return Outcome.verdict(
                incomplete.isEmpty() && check.holds(worst),
                worst,
                incomplete.isEmpty()
                        ? matched.size() + (matched.size() == 1 ? " deployment" : " deployments") + " fully rolled out"
                        : "rollout incomplete: " + String.join(", ", incomplete),
                evidence.toString());
    }

    static Outcome restarts(Check check, CheckContext context, GaSettings settings) {
        String range = settings.restartWindow().getSeconds() + "s";
        Instant from = context.end().minus(settings.restartWindow());
        if (context.prometheus() != null) {
            String query = "sum by (namespace, pod, container) (increase(kube_pod_container_status_restarts_total["
                    + range + "]))";
            List<PromQl.Value> values = PromQl.instant(context, query, context.end());
            if (!values.isEmpty()) {
                double total = 0;
                for (PromQl.Value value : values) {
                    total += Math.round(value.value());
                }
                return Outcome.verdict(
                        check.holds(total),
                        total,
                        Values.format(total) + " container restarts from " + from + " to " + context.end(),
                        PromQl.evidence(query, context.end(), values));
            }
        }
        if (context.kubernetes() != null) {
            KubernetesStatus status = KubernetesRollouts.inspect(context, from, context.end());
            double total = 0;
            StringBuilder evidence = new StringBuilder("Kubernetes API, namespace " + status.namespace()
                    + ", restarts between " + from + " and " + context.end());
            for (KubernetesStatus.PodRestarts pod : status.restarts()) {
                total += pod.restartsInWindow();
                evidence.append("\n  ").append(pod.pod()).append(": ").append(pod.restartsInWindow());
            }
            return Outcome.verdict(
                    check.holds(total),
                    total,
                    Values.format(total) + " container restarts in the " + "last "
                            + settings.restartWindow().toHours() + " h",
                    evidence.toString());
        }
        return Outcome.skipped("no kube-state-metrics restart series in Prometheus and no cluster configured");
    }

    static Outcome scrape(Check check, CheckContext context) {
        String query = "100 * avg(avg_over_time(up[" + context.windowRange() + "]))";
        double health = single(context, query, context.end(), "scrape health");
        return Outcome.verdict(
                check.holds(health),
                health,
                "scrape success " + Values.format(health) + " % of samples over all targets, threshold "
                        + check.thresholdText(),
                "query: " + query + "\nat: " + context.end());
    }

    /** The one value of a query that must give one; none is a no-data error. */
    static double single(CheckContext context, String query, Instant time, String what) {
        List<PromQl.Value> values = PromQl.instant(context, query, time);
        if (values.isEmpty() || Double.isNaN(values.get(0).value())) {
            throw CheckFailure.noData("no data for " + what + " at " + time, "query: " + query);
        }
        return values.get(0).value();
    }

    private static Map<String, Double> byLabel(List<PromQl.Value> values) {
        Map<String, Double> map = new HashMap<>();
        for (PromQl.Value value : values) {
            map.put(value.labels(), value.value());
        }
        return map;
    }
}
