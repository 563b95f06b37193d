package dev.gaday.kpi.validate.catalog;

import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.secret.Secrets;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.Outcome;
import dev.gaday.kpi.validate.check.Values;
import dev.gaday.kpi.validate.source.HttpTiming;
import dev.gaday.kpi.validate.source.KubernetesRollouts;
import dev.gaday.kpi.validate.source.SqlTiming;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The evaluators shared by the GA set and checks.yaml: HTTP load times, SQL timings, Kubernetes rollouts. */
public final class SourceChecks {
    private SourceChecks() {}

    /** Worst quantile of the load times over the URLs, in seconds; a non-2xx answer fails the check. */
    public static Outcome http(Check check, CheckContext context, GaSettings.Dashboard dashboard) {
        String headerValue =
                dashboard.header() == null ? null : dashboard.header().read(context, check.name());
        double worst = 0;
        List<String> broken = new ArrayList<>();
        StringBuilder evidence = new StringBuilder();
        for (String url : dashboard.urls()) {
            HttpTiming.Timings timings = HttpTiming.measure(
                    url, dashboard.requests(), dashboard.headerName(), headerValue, dashboard.timeout());
            double quantile = timings.quantile(dashboard.quantile());
            worst = Math.max(worst, quantile);
            evidence.append("GET ")
                    .append(url)
                    .append(": ")
                    .append(dashboard.requests())
                    .append(" requests, p")
                    .append(Values.format(dashboard.quantile() * 100))
                    .append(" ")
                    .append(Values.format(quantile))
                    .append(" s, max ")
                    .append(Values.format(timings.quantile(1.0)))
                    .append(" s");
            if (!timings.badStatuses().isEmpty()) {
                evidence.append(", non-2xx answers: ").append(timings.badStatuses());
                broken.add(url + " answered " + timings.badStatuses().get(0));
            }
            evidence.append('\n');
        }
        boolean holds = check.holds(worst);
        String reason;
        if (!broken.isEmpty()) {
            reason = "not every load succeeded: " + String.join("; ", broken);
        } else {
            reason = "slowest p" + Values.format(dashboard.quantile() * 100) + " load time " + Values.format(worst)
                    + " s, threshold " + check.thresholdText();
        }
        return Outcome.verdict(
                holds && broken.isEmpty(), worst, reason, evidence.toString().stripTrailing());
    }

    /** Median time of each query in ms; the slowest one is the observed value. Plans are kept as evidence. */
    public static Outcome sql(Check check, CheckContext context, GaSettings.Database database) {
        String url = database.urlSecret() != null ? database.urlSecret().read(context, check.name()) : database.url();
        String password =
                database.password() == null ? null : database.password().read(context, check.name());
        double worst = 0;
        String worstName = null;
        List<String> slow = new ArrayList<>();
        StringBuilder evidence = new StringBuilder();
        try (Connection connection = SqlTiming.connect(url, database.user(), password)) {
            for (GaSettings.NamedQuery query : database.queries()) {
                SqlTiming.Timing timing = SqlTiming.time(connection, query.name(), query.sql(), database.runs());
                if (worstName == null || timing.medianMs() > worst) {
                    worst = timing.medianMs();
                    worstName = query.name();
                }
                if (!check.holds(timing.medianMs())) {
                    slow.add(query.name() + " " + Values.format(timing.medianMs()) + " ms");
                }
                evidence.append("query ")
                        .append(query.name())
                        .append(": ")
                        .append(query.sql())
                        .append('\n')
                        .append("  median ")
                        .append(Values.format(timing.medianMs()))
                        .append(" ms, max ")
                        .append(Values.format(timing.maxMs()))
                        .append(" ms over ")
                        .append(timing.runs())
                        .append(" runs, ")
                        .append(timing.rows())
                        .append(" rows\n");
                if (timing.plan() != null) {
                    evidence.append("  EXPLAIN (ANALYZE, BUFFERS):\n");
                    timing.plan().lines().forEach(line -> evidence.append("    ")
                            .append(line)
                            .append('\n'));
                }
            }
        } catch (SQLException e) {
            // Only close() throws here; the timings are complete.
        }
        String reason = slow.isEmpty()
                ? "every query under the threshold; slowest " + worstName + " " + Values.format(worst) + " ms"
                : "over " + check.thresholdText() + ": " + String.join(", ", slow);
        return Outcome.verdict(
                slow.isEmpty(),
                worst,
                reason,
                Secrets.redact(evidence.toString().stripTrailing()));
    }

    /** The least-rolled-out watched deployment's share of updated and available replicas, in percent. */
    public static Outcome rolloutFromCluster(Check check, CheckContext context, List<String> watched) {
        KubernetesStatus status = KubernetesRollouts.inspect(context, context.start(), context.end());
        Set<String> wanted = Set.copyOf(watched);
        double worst = 100;
        List<String> incomplete = new ArrayList<>();
        StringBuilder evidence = new StringBuilder("Kubernetes API, namespace ").append(status.namespace());
        int seen = 0;
        for (KubernetesStatus.DeploymentRollout rollout : status.deployments()) {
            if (!wanted.isEmpty() && !wanted.contains(rollout.name())) {
                continue;
            }
            seen++;
            double percent = percent(
                    Math.min(rollout.updatedReplicas(), rollout.availableReplicas()), rollout.desiredReplicas());
            worst = Math.min(worst, percent);
            evidence.append("\n  ")
                    .append(rollout.name())
                    .append(": desired ")
                    .append(rollout.desiredReplicas())
                    .append(", updated ")
                    .append(rollout.updatedReplicas())
                    .append(", available ")
                    .append(rollout.availableReplicas())
                    .append(rollout.complete() ? ", complete" : ", " + rollout.reason());
            if (!rollout.complete()) {
                incomplete.add(rollout.name() + " (" + rollout.reason() + ")");
            }
        }
        for (String name : wanted) {
            if (status.deployments().stream().noneMatch(d -> d.name().equals(name))) {
                throw CheckFailure.noData(
                        "watched deployment " + name + " not found in namespace " + status.namespace(),
                        evidence.toString());
            }
        }
        if (seen == 0) {
            throw CheckFailure.noData("no deployments in namespace " + status.namespace(), evidence.toString());
        }
        boolean holds = incomplete.isEmpty() && check.holds(worst);
        String reason = incomplete.isEmpty()
                ? seen + (seen == 1 ? " deployment" : " deployments") + " fully rolled out"
                : "rollout incomplete: " + String.join(", ", incomplete);
        return Outcome.verdict(holds, worst, reason, evidence.toString());
    }

    static double percent(double part, double whole) {
        return whole <= 0 ? 100 : 100.0 * part / whole;
    }
}
