package dev.gaday.cert.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a bound value is written into the report, named at the end of a binding
 * ({@code ga_kpi_summary.json:overall.totalRequests as count}). Numbers go through common's
 * {@link ReportFormat}: one rounding rule, thousands separators. The unit stays in the template
 * ({@code {{OVERALL_AVAILABILITY}}%}), so a value is the number alone.
 *
 * <ul>
 *   <li>{@code text} (the default): scalars as written, lists and maps as bullets or table rows
 *   <li>{@code number:N}: at most N decimal places, e.g. {@code number:3} gives 99.894 or 1,234.5
 *   <li>{@code count}: a whole number, e.g. 864,123
 *   <li>{@code gigabytes:N}: a byte count shown in GB (10^9 bytes) with at most N places
 * </ul>
 */
public record ValueFormat(Kind kind, int decimals) {
    public static final ValueFormat TEXT = new ValueFormat(Kind.TEXT, 0);
    private static final Pattern SUFFIX = Pattern.compile(" as (text|count|number:\\d|gigabytes:\\d)$");

    public enum Kind {
        TEXT,
        NUMBER,
        COUNT,
        GIGABYTES
    }

    /** The format named at the end of a binding, or {@link #TEXT}; see {@link #stripFrom}. */
    static ValueFormat of(String binding) {
        Matcher matcher = SUFFIX.matcher(binding);
        if (!matcher.find()) {
            return TEXT;
        }
        String name = matcher.group(1);
        int colon = name.indexOf(':');
        int decimals = colon < 0 ? 0 : Integer.parseInt(name.substring(colon + 1));
        return new ValueFormat(
                Kind.valueOf((colon < 0 ? name : name.substring(0, colon)).toUpperCase(java.util.Locale.ROOT)),
                decimals);
    }

    /** The binding without its format suffix. */
    static String stripFrom(String binding) {
        return SUFFIX.matcher(binding).replaceFirst("");
    }

    /**
     * Escaped Markdown for the node, or null when it holds nothing (or, for a number format, no finite
     * number).
     */
    String render(JsonNode node, boolean block, boolean tableRow) {
        if (kind == Kind.TEXT) {
            return NodeMarkdown.render(node, block, tableRow);
        }
        if (node == null || !node.isNumber() || !Double.isFinite(node.doubleValue())) {
            return null;
        }
        double value = node.doubleValue();
        return MarkdownText.escape(
                switch (kind) {
                    case NUMBER -> ReportFormat.number(value, decimals);
                    case COUNT -> ReportFormat.count(value);
                    case GIGABYTES -> ReportFormat.number(value / 1e9, decimals);
                    case TEXT -> throw new AssertionError();
                });
    }
}
