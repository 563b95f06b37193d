package dev.gaday.drift.config;

import dev.gaday.drift.judge.Direction;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One metric of drift.yaml. {@code kind} ratio needs {@code errors} and {@code total} counter
 * queries (each giving the increase per step); gauge and latency need {@code query}. Optional
 * per-metric overrides: {@code practicalPercent}, {@code minSamples}; {@code modes} restricts the
 * metric to some of compare, canary, deploy (default: all).
 */
public record MetricConfig(
        String name,
        String kind,
        String query,
        String errors,
        String total,
        String direction,
        Boolean critical,
        String group,
        Double practicalPercent,
        Integer minSamples,
        List<String> modes) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.-]*");
    public static final List<String> KINDS = List.of("ratio", "gauge", "latency");
    public static final List<String> MODES = List.of("compare", "canary", "deploy");

    void validate(int index) {
        String where = "metrics[" + index + "]";
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ".name must be a word ([a-zA-Z_][a-zA-Z0-9_.-]*), got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        where = "metric '" + name + "'";
        if (kind == null || !KINDS.contains(kind)) {
            throw new IllegalArgumentException(where + ": kind must be one of " + KINDS + ", got " + kind);
        }
        if (isRatio()) {
            requireQuery(where + ".errors", errors);
            requireQuery(where + ".total", total);
            if (query != null) {
                throw new IllegalArgumentException(where + ": a ratio metric has errors and total, not query");
            }
        } else {
            requireQuery(where + ".query", query);
            if (errors != null || total != null) {
                throw new IllegalArgumentException(where + ": errors and total belong to kind ratio only");
            }
        }
        if (direction == null) {
            throw new IllegalArgumentException(where + ": direction is missing (increase, decrease or either)");
        }
        Direction.parse(direction.toLowerCase(Locale.ROOT));
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException(where + ": group is missing");
        }
        if (practicalPercent != null && !(practicalPercent >= 0)) {
            throw new IllegalArgumentException(where + ": practicalPercent must be 0 or more");
        }
        if (minSamples != null && minSamples < 1) {
            throw new IllegalArgumentException(where + ": minSamples must be at least 1");
        }
        if (modes != null) {
            for (String mode : modes) {
                if (!MODES.contains(mode)) {
                    throw new IllegalArgumentException(where + ": mode '" + mode + "' is not one of " + MODES);
                }
            }
        }
    }

    private static void requireQuery(String what, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    public boolean isRatio() {
        return "ratio".equals(kind);
    }

    public boolean isCritical() {
        return Boolean.TRUE.equals(critical);
    }

    public boolean appliesTo(String mode) {
        return modes == null || modes.contains(mode);
    }

    public Direction directionValue() {
        return Direction.parse(direction.toLowerCase(Locale.ROOT));
    }

    /** The kind of mitigation a drift of this metric calls for: errors, latency, cpu, memory or traffic. */
    public String mitigationKind() {
        if (isRatio()) {
            return "errors";
        }
        if ("latency".equals(kind)) {
            return "latency";
        }
        String text = (name + " " + query).toLowerCase(Locale.ROOT);
        if (text.contains("cpu")) {
            return "cpu";
        }
        if (text.contains("memory") || text.contains("heap") || text.contains("rss")) {
            return "memory";
        }
        return "traffic";
    }
}
