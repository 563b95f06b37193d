package dev.gaday.kpi.validate.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.prometheus.QueryResult;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.ErrorKind;
import dev.gaday.kpi.validate.check.Outcome;
import dev.gaday.kpi.validate.check.Severity;
import dev.gaday.kpi.validate.check.Values;
import dev.gaday.kpi.validate.source.InputFiles;
import dev.gaday.kpi.validate.source.PromQl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The kinds of checks users write in checks.yaml that the GA set has no evaluator for: PromQL and JSON paths. */
public final class CustomChecks {
    private CustomChecks() {}

    /**
     * PromQL held against a threshold: at the window's end ({{window}} is replaced by the window's length), or at
     * every point of a range query over the window. Every series must hold; the worst value is the observed one.
     */
    public static Check promql(
            String name,
            String category,
            Severity severity,
            String description,
            String query,
            Comparator comparator,
            double threshold,
            String unit,
            boolean overWindow,
            Duration step) {
        return new Check(
                name,
                category,
                severity,
                "promql",
                description,
                comparator,
                threshold,
                unit,
                (check, context) -> overWindow ? window(check, context, query, step) : instant(check, context, query));
    }

    private static Outcome instant(Check check, CheckContext context, String query) {
        String resolved = PromQl.resolve(query, context);
        List<PromQl.Value> values = PromQl.instant(context, resolved, context.end());
        String evidence = PromQl.evidence(resolved, context.end(), values);
        if (values.isEmpty()) {
            throw CheckFailure.noData("the query returned no series at " + context.end(), evidence);
        }
        PromQl.Value worst = null;
        for (PromQl.Value value : values) {
            if (worst == null || worse(check.comparator(), value.value(), worst.value())) {
                worst = value;
            }
        }
        return Outcome.verdict(
                check.holds(worst.value()),
                worst.value(),
                "observed " + Values.format(worst.value()) + (worst.labels().isEmpty() ? "" : " for " + worst.labels())
                        + ", threshold " + check.thresholdText(),
                evidence);
    }

    private static Outcome window(Check check, CheckContext context, String query, Duration step) {
        String resolved = PromQl.resolve(query, context);
        Map<String, List<QueryResult.Sample>> series =
                PromQl.range(context, resolved, context.start(), context.end(), step);
        StringBuilder evidence = new StringBuilder("query: " + resolved + "\nrange: " + context.start() + " to "
                + context.end() + ", step " + step.getSeconds() + "s");
        Double worst = null;
        String worstAt = null;
        long violations = 0;
        long points = 0;
        for (Map.Entry<String, List<QueryResult.Sample>> one : series.entrySet()) {
            for (QueryResult.Sample sample : one.getValue()) {
                points++;
                if (!check.holds(sample.value())) {
                    violations++;
                }
                if (worst == null || worse(check.comparator(), sample.value(), worst)) {
                    worst = sample.value();
                    worstAt = (one.getKey().isEmpty() ? "" : one.getKey() + " ") + "at " + sample.time();
                }
            }
        }
        if (worst == null) {
            throw CheckFailure.noData("the query returned no points in the window", evidence.toString());
        }
        evidence.append("\n")
                .append(series.size())
                .append(" series, ")
                .append(points)
                .append(" points, ")
                .append(violations)
                .append(" beyond the threshold; worst ")
                .append(Values.format(worst))
                .append(' ')
                .append(worstAt);
        return Outcome.verdict(
                violations == 0,
                worst,
                violations == 0
                        ? "every point holds; worst " + Values.format(worst) + ", threshold " + check.thresholdText()
                        : violations + " of " + points + " points beyond " + check.thresholdText() + "; worst "
                                + Values.format(worst) + " " + worstAt,
                evidence.toString());
    }

    /** Whether {@code a} is further on the failing side than {@code b}. */
    static boolean worse(Comparator comparator, double a, double b) {
        if (Double.isNaN(a)) {
            return !Double.isNaN(b);
        }
        return switch (comparator) {
            case GREATER, GREATER_OR_EQUAL -> a < b;
            case LESS, LESS_OR_EQUAL -> a > b;
        };
    }

    /** A value in an input file (found in --inputs, or an absolute path) held against a threshold or a string. */
    public static Check jsonPath(
            String name,
            String category,
            Severity severity,
            String description,
            String file,
            String path,
            Comparator comparator,
            Double threshold,
            String equals,
            String unit) {
        String pointer = pointer(path);
        return new Check(
                name, category, severity, "json", description, comparator, threshold, unit, (check, context) -> {
                    Path located = Path.of(file).isAbsolute()
                            ? Path.of(file)
                            : context.input(file).orElse(null);
                    if (located == null || !Files.isRegularFile(located)) {
                        return Outcome.skipped("input file " + file + " not found in --inputs");
                    }
                    JsonNode root = InputFiles.read(located, null);
                    JsonNode value = root.at(pointer);
                    String evidence = "file: " + located + "\npath: " + path + " (" + pointer + ")\nvalue: "
                            + (value.isMissingNode() ? "absent" : value.toString());
                    if (value.isMissingNode() || value.isNull()) {
                        throw CheckFailure.noData(path + " not found in " + located, evidence);
                    }
                    if (equals != null) {
                        boolean holds = equals.equals(value.asText());
                        return Outcome.verdict(
                                holds,
                                value.isNumber() ? value.asDouble() : null,
                                path + " is '" + value.asText() + "', expected '" + equals + "'",
                                evidence);
                    }
                    if (!value.isNumber()) {
                        throw new CheckFailure(
                                ErrorKind.DEFINITION,
                                path + " in " + located + " is not a number: " + value,
                                evidence,
                                null);
                    }
                    double observed = value.asDouble();
                    return Outcome.verdict(
                            check.holds(observed),
                            observed,
                            path + " is " + Values.format(observed) + ", threshold " + check.thresholdText(),
                            evidence);
                });
    }

    /** A JSON pointer from {@code /a/b/0} or the dotted form {@code a.b[0]}. */
    static String pointer(String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String trimmed = path.startsWith("$.") ? path.substring(2) : path;
        StringBuilder pointer = new StringBuilder();
        for (String part : trimmed.split("\\.")) {
            String rest = part;
            int bracket = rest.indexOf('[');
            String key = bracket < 0 ? rest : rest.substring(0, bracket);
            if (!key.isEmpty()) {
                pointer.append('/').append(key.replace("~", "~0").replace("/", "~1"));
            }
            while (bracket >= 0) {
                int close = rest.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("path '" + path + "': unclosed [");
                }
                pointer.append('/').append(rest, bracket + 1, close);
                rest = rest.substring(close + 1);
                bracket = rest.indexOf('[');
            }
        }
        return pointer.toString();
    }
}
