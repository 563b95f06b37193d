package dev.gaday.common.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{NAME}}} scalars and {@code {{INSERT_NAME}}} blocks from a map in one pass, so
 * that text which is inserted is never itself scanned for placeholders. Placeholders with no
 * value are collected with their line and reason; the caller picks a default text
 * ("N/A") or, with {@code defaultText == null}, leaves them in place and fails strictly.
 */
public final class TemplateFiller {
    /** Placeholder names: upper case letters, digits and underscores, as in the user's template. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Z][A-Z0-9_]*)\\s*\\}\\}");

    public static final String BLOCK_PREFIX = "INSERT_";

    private final String defaultText;

    /** @param defaultText text for a placeholder with no value; null to leave it unfilled (strict) */
    public TemplateFiller(String defaultText) {
        this.defaultText = defaultText;
    }

    /** The distinct placeholder names of a template, in order of first appearance. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    public static boolean isBlock(String name) {
        return name.startsWith(BLOCK_PREFIX);
    }

    /**
     * @param values placeholder name to the text inserted for it (already escaped by the caller)
     * @param missingReasons why a placeholder has no value, for the report of unfilled ones
     */
    public FillResult fill(String template, Map<String, String> values, Map<String, String> missingReasons) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder(template.length() + 1024);
        List<Unfilled> unfilled = new ArrayList<>();
        Set<String> filled = new LinkedHashSet<>();
        Set<String> reported = new LinkedHashSet<>();
        int line = 1;
        int scanned = 0;
        while (matcher.find()) {
            line += countNewlines(template, scanned, matcher.start());
            scanned = matcher.start();
            String name = matcher.group(1);
            String value = values.get(name);
            String replacement;
            if (value != null) {
                replacement = value;
                filled.add(name);
            } else {
                if (reported.add(name)) {
                    String reason = missingReasons.getOrDefault(name, "no source is bound to this placeholder");
                    unfilled.add(new Unfilled(name, line, reason));
                }
                replacement = defaultText != null ? defaultText : matcher.group();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return new FillResult(result.toString(), List.copyOf(filled), unfilled);
    }

    private static int countNewlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** A placeholder left without a value: where it first stands and why. */
    public record Unfilled(String name, int line, String reason) {}

    /** The filled text, which placeholders got values, and which did not. */
    public record FillResult(String text, List<String> filled, List<Unfilled> unfilled) {
        public FillResult {
            filled = List.copyOf(filled);
            unfilled = List.copyOf(unfilled);
        }

        public boolean complete() {
            return unfilled.isEmpty();
        }
    }
}
