package dev.gaday.slo.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.text.ReportFormat;
import dev.gaday.slo.math.AlertRule;
import dev.gaday.slo.math.BurnRatePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates slos.yaml. Every problem is one usage line naming the file and the SLO:
 * <pre>
 * policy: ga-24h                # optional default for all: ga-24h | google-30d | {name, alerts[]}
 * slos:
 *   - name: checkout-availability
 *     service: checkout
 *     objective: 99.9           # percent, in (0, 100)
 *     sli:
 *       events:                 # or latency: {metric, selector, threshold}
 *         errors: sum(increase(http_requests_total{service="checkout",status=~"5.."}[{{window}}]))
 *         total: sum(increase(http_requests_total{service="checkout"}[{{window}}]))
 *     minEvents: 70             # optional
 * </pre>
 */
public final class SloSpecLoader {
    public static final String WINDOW_TOKEN = "{{window}}";
    private static final String SLOTH_WINDOW_TOKEN = "{{.window}}";

    private SloSpecLoader() {}

    /** The SLOs of a file; an SLO without a policy (in the file) gets the command line's. */
    public static List<SloDefinition> load(Path file) {
        JsonNode root;
        try {
            root = Json.yaml().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw ToolException.usage("--slos " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw ToolException.usage("--slos " + Json.describe(file, e));
        } catch (IOException e) {
            throw ToolException.usage("--slos " + file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), root);
    }

    public static List<SloDefinition> parse(String source, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw bad(source, "expected a mapping with 'slos:'");
        }
        BurnRatePolicy filePolicy = root.has("policy") ? policy(source + ": policy", root.get("policy")) : null;
        JsonNode slos = root.get("slos");
        if (slos == null || !slos.isArray() || slos.isEmpty()) {
            throw bad(source, "'slos' must be a non-empty list");
        }
        List<SloDefinition> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < slos.size(); i++) {
            JsonNode slo = slos.get(i);
            String where = source + ": slos[" + i + "]";
            if (!slo.isObject()) {
                throw bad(where, "expected a mapping");
            }
            String name = text(where, slo, "name");
            where = source + ": slo '" + name + "'";
            if (!names.add(name)) {
                throw bad(where, "the name is used twice");
            }
            String service = slo.hasNonNull("service") ? slo.get("service").asText() : null;
            double objective = number(where, slo, "objective");
            if (!(objective > 0 && objective < 100)) {
                throw bad(
                        where,
                        "objective " + plain(objective) + " is not a percentage in (0, 100) exclusive: "
                                + (objective >= 100 ? "100 % leaves no error budget" : "it must be above 0"));
            }
            Sli sli = sli(where, slo.get("sli"));
            BurnRatePolicy policy = slo.has("policy") ? policy(where + ": policy", slo.get("policy")) : filePolicy;
            Long minEvents = null;
            if (slo.has("minEvents")) {
                JsonNode node = slo.get("minEvents");
                if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
                    throw bad(where, "minEvents must be a whole number, 0 or more");
                }
                minEvents = node.asLong();
            }
            result.add(new SloDefinition(name, service, objective, sli, policy, minEvents));
        }
        return result;
    }

    private static Sli sli(String where, JsonNode sli) {
        if (sli == null || !sli.isObject() || sli.size() != 1) {
            throw bad(where, "'sli' must have exactly one of: events, latency");
        }
        String kind = sli.fieldNames().next();
        JsonNode body = sli.get(kind);
        switch (kind) {
            case "events" -> {
                String errors = normaliseWindow(text(where + ": sli.events", body, "errors"));
                String total = normaliseWindow(text(where + ": sli.events", body, "total"));
                for (String query : List.of(errors, total)) {
                    if (!query.contains(WINDOW_TOKEN)) {
                        throw bad(
                                where,
                                "sli.events query '" + query + "' has no " + WINDOW_TOKEN + " token for the window");
                    }
                }
                return new Sli.Events(errors, total);
            }
            case "latency" -> {
                String metric = text(where + ": sli.latency", body, "metric");
                if (!metric.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                    throw bad(where, "sli.latency.metric '" + metric + "' is not a metric name");
                }
                if (metric.endsWith("_bucket")) {
                    metric = metric.substring(0, metric.length() - "_bucket".length());
                }
                String selector = body.hasNonNull("selector")
                        ? body.get("selector").asText().trim()
                        : "";
                if (selector.startsWith("{") && selector.endsWith("}")) {
                    selector = selector.substring(1, selector.length() - 1);
                }
                double threshold = number(where + ": sli.latency", body, "threshold");
                if (!(threshold > 0) || Double.isInfinite(threshold)) {
                    throw bad(where, "sli.latency.threshold must be a positive number of seconds");
                }
                return new Sli.Latency(metric, selector, threshold);
            }
            default -> throw bad(where, "unknown SLI kind '" + kind + "' (expected events or latency)");
        }
    }

    /** A policy: a built-in name, or {name, alerts: [{severity, longWindow, shortWindow, factor}]}. */
    static BurnRatePolicy policy(String where, JsonNode node) {
        if (node.isTextual()) {
            BurnRatePolicy named = BurnRatePolicy.named(node.asText());
            if (named == null) {
                throw bad(
                        where,
                        "unknown policy '" + node.asText() + "' (built in: " + BurnRatePolicy.GA_24H + ", "
                                + BurnRatePolicy.GOOGLE_30D + ")");
            }
            return named;
        }
        if (!node.isObject() || !node.has("alerts") || !node.get("alerts").isArray()) {
            throw bad(where, "expected a policy name or {name, alerts: [...]}");
        }
        String name = node.hasNonNull("name") ? node.get("name").asText() : "custom";
        List<AlertRule> rules = new ArrayList<>();
        Iterator<JsonNode> alerts = node.get("alerts").elements();
        int i = 0;
        while (alerts.hasNext()) {
            JsonNode alert = alerts.next();
            String at = where + ".alerts[" + i++ + "]";
            String severity = text(at, alert, "severity").toUpperCase(Locale.ROOT);
            AlertRule.Severity level;
            try {
                level = AlertRule.Severity.valueOf(severity);
            } catch (IllegalArgumentException e) {
                throw bad(at, "severity must be page or ticket");
            }
            try {
                rules.add(new AlertRule(
                        level,
                        duration(at, alert, "longWindow"),
                        duration(at, alert, "shortWindow"),
                        number(at, alert, "factor")));
            } catch (IllegalArgumentException e) {
                throw bad(at, e.getMessage());
            }
        }
        try {
            return new BurnRatePolicy(name, rules);
        } catch (IllegalArgumentException e) {
            throw bad(where, e.getMessage());
        }
    }

    private static Duration duration(String where, JsonNode node, String field) {
        String text = text(where, node, field);
        try {
            return DurationConverter.parse(text);
        } catch (RuntimeException e) {
            throw bad(where, field + " '" + text + "' is not a duration like 5m or 1h");
        }
    }

    private static String normaliseWindow(String query) {
        return query.replace(SLOTH_WINDOW_TOKEN, WINDOW_TOKEN);
    }

    private static String text(String where, JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null
                || value.isNull()
                || !value.isValueNode()
                || value.asText().isBlank()) {
            throw bad(where, "missing '" + field + "'");
        }
        return value.asText().trim();
    }

    private static double number(String where, JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw bad(where, "missing '" + field + "'");
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw bad(where, "'" + field + "' must be a number, got '" + value.asText() + "'");
    }

    private static String plain(double value) {
        return ReportFormat.plain(value);
    }

    private static ToolException bad(String where, String what) {
        return ToolException.usage(where + ": " + what);
    }
}
