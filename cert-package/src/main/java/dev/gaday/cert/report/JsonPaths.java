package dev.gaday.cert.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small path language into an input file: {@code overall.p99LatencyMs},
 * {@code services[0].name}, {@code services[name=api].availabilityPercent}. Enough to point a
 * placeholder at any value; no wildcards, no expressions.
 */
public final class JsonPaths {
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)?((?:\\[[^\\]]*\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)\\]");

    private JsonPaths() {}

    /** Checks the syntax; the message says what is wrong. */
    public static void check(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        for (String step : path.split("\\.", -1)) {
            if (step.isEmpty() || !STEP.matcher(step).matches()) {
                throw new IllegalArgumentException("bad path step '" + step + "' in '" + path + "'");
            }
        }
    }

    /** The node at the path, or null when any step is missing. */
    public static JsonNode resolve(JsonNode root, String path) {
        check(path);
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            Matcher matcher = STEP.matcher(step);
            if (!matcher.matches()) {
                return null;
            }
            if (matcher.group(1) != null) {
                node = node == null ? null : node.get(matcher.group(1));
            }
            Matcher index = INDEX.matcher(matcher.group(2));
            while (index.find() && node != null) {
                node = select(node, index.group(1).strip());
            }
            if (node == null || node.isMissingNode()) {
                return null;
            }
        }
        return node.isNull() ? null : node;
    }

    private static JsonNode select(JsonNode array, String selector) {
        if (!array.isArray()) {
            return null;
        }
        if (selector.matches("\\d+")) {
            return array.get(Integer.parseInt(selector));
        }
        int equals = selector.indexOf('=');
        if (equals <= 0) {
            return null;
        }
        String key = selector.substring(0, equals).strip();
        String wanted = selector.substring(equals + 1).strip();
        for (JsonNode element : array) {
            JsonNode field = element.get(key);
            if (field != null && field.asText().equals(wanted)) {
                return element;
            }
        }
        return null;
    }
}
