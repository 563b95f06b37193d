package dev.gaday.cert.report;

import dev.gaday.common.text.MarkdownText;
import java.util.HashMap;
import java.util.Map;

/**
 * The text for each placeholder (Markdown, already escaped) and, for those without text, why.
 * Sources are applied from the weakest to the strongest: a later value replaces an earlier one;
 * a reason is kept only while the placeholder has no value.
 */
public final class PlaceholderValues {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();

    /** Sets already-escaped Markdown; null means absent with the given reason. */
    public void markdown(String name, String markdown, String reasonIfNull) {
        if (markdown == null || markdown.isBlank()) {
            absent(name, reasonIfNull);
        } else {
            values.put(name, markdown);
            reasons.remove(name);
        }
    }

    /** Sets untrusted plain text, escaping it. */
    public void text(String name, String raw, String reasonIfNull) {
        markdown(name, raw == null || raw.isBlank() ? null : MarkdownText.escape(raw), reasonIfNull);
    }

    /** Records why a placeholder has no value, unless it already has one. */
    public void absent(String name, String reason) {
        if (!values.containsKey(name)) {
            reasons.put(name, reason);
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name) {
        return values.get(name);
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public Map<String, String> reasons() {
        return Map.copyOf(reasons);
    }
}
