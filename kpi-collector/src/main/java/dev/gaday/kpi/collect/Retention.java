package dev.gaday.kpi.collect;

import dev.gaday.common.prometheus.PrometheusClient;
import dev.gaday.common.prometheus.PrometheusException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's retention in days, from {@code /api/v1/status/flags}: {@code storage.tsdb.retention.time}
 * (Prometheus's default of 15 days when neither it nor a size limit is set). Null with the reason
 * when it cannot be known (no such endpoint, e.g. a proxy; retention by size only).
 */
public record Retention(Double days, String reason) {
    public static final String FLAG = "storage.tsdb.retention.time";
    private static final String OLD_FLAG = "storage.tsdb.retention";
    private static final String SIZE_FLAG = "storage.tsdb.retention.size";
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");
    private static final double DEFAULT_DAYS = 15;

    public static Retention of(PrometheusClient client) {
        Map<String, String> flags;
        try {
            flags = client.flags();
        } catch (PrometheusException e) {
            return new Retention(null, "retention unknown: " + e.getMessage());
        }
        return fromFlags(flags);
    }

    static Retention fromFlags(Map<String, String> flags) {
        if (flags.isEmpty()) {
            return new Retention(null, "retention unknown: the server answers no /api/v1/status/flags");
        }
        for (String flag : new String[] {FLAG, OLD_FLAG}) {
            String value = flags.get(flag);
            if (value != null && !value.isBlank() && seconds(value) == null) {
                return new Retention(null, "retention unknown: cannot read " + flag + "=" + value);
            }
        }
        Double time = seconds(flags.get(FLAG));
        if (time == null || time == 0) {
            time = seconds(flags.get(OLD_FLAG));
        }
        if (time != null && time > 0) {
            return new Retention(time / 86400.0, null);
        }
        String size = flags.get(SIZE_FLAG);
        if (size != null && !size.isBlank() && !size.equals("0B") && !size.equals("0")) {
            return new Retention(null, "retention by size only (" + SIZE_FLAG + "=" + size + "): no time limit");
        }
        if (flags.containsKey(FLAG) || flags.containsKey(OLD_FLAG)) {
            return new Retention(DEFAULT_DAYS, null);
        }
        return new Retention(null, "retention unknown: the server's flags name no " + FLAG);
    }

    /** A Prometheus duration (1y2w3d4h5m6s7ms) in seconds; null when it is not one. */
    static Double seconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher matcher = PART.matcher(text.strip());
        double total = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                return null;
            }
            end = matcher.end();
            double value = Double.parseDouble(matcher.group(1));
            total += switch (matcher.group(2)) {
                case "y" -> value * 365 * 86400;
                case "w" -> value * 7 * 86400;
                case "d" -> value * 86400;
                case "h" -> value * 3600;
                case "m" -> value * 60;
                case "s" -> value;
                default -> value / 1000;
            };
        }
        return end == text.strip().length() && end > 0 ? total : null;
    }
}
