package dev.gaday.cert.report;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Templates carry units after placeholders ({@code {{OVERALL_AVAILABILITY}}%}, {@code {{P99_LATENCY_MS}} ms}).
 * A placeholder without a value reads N/A, and N/A is never followed by a unit ("N/A%" would look like a
 * measurement): before filling, the unit right after each such placeholder is dropped.
 */
public final class MissingUnits {
    private static final Pattern PLACEHOLDER_AND_UNIT = Pattern.compile("(\\{\\{\\s*([A-Z][A-Z0-9_]*)\\s*\\}\\})"
            + "(?:(?:%|/sec|/s|/5|pp|ms|s|min|KB|MB|GB|TB|Mbps)|"
            + " (?:%|ms|s|sec|seconds?|min|minutes?|hours?|days?|KB|MB|GB|TB|Mbps|req/s))"
            + "(?![A-Za-z0-9/])");

    private MissingUnits() {}

    /** The template with the unit after every placeholder not in {@code filled} removed. */
    public static String dropAfterMissing(String template, Set<String> filled) {
        Matcher matcher = PLACEHOLDER_AND_UNIT.matcher(template);
        StringBuilder result = new StringBuilder(template.length());
        while (matcher.find()) {
            String kept = filled.contains(matcher.group(2)) ? matcher.group() : matcher.group(1);
            matcher.appendReplacement(result, Matcher.quoteReplacement(kept));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
