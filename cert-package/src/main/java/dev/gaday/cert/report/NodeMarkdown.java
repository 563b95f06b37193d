package dev.gaday.cert.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders a JSON/YAML value (from the release file's {@code values:} or a binding) as the text of
 * a placeholder, escaped: a scalar as text; a list as bullets, or as table rows when the
 * placeholder stands under a table header; a map as "key: value" bullets.
 */
public final class NodeMarkdown {
    private NodeMarkdown() {}

    /** Markdown for the node, or null when it holds nothing. */
    public static String render(JsonNode node, boolean block, boolean tableContext) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return MarkdownText.escape(scalar(node));
        }
        if (tableContext) {
            List<List<String>> rows = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode element : node) {
                    rows.add(cells(element));
                }
            } else {
                rows.add(cells(node));
            }
            return rows.isEmpty() ? null : MarkdownText.rows(rows);
        }
        if (!block) {
            return MarkdownText.escape(String.join(", ", flat(node)));
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node) {
                items.add(String.join(" — ", flat(element)));
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                items.add(field.getKey() + ": " + String.join(", ", flat(field.getValue())));
            }
        }
        return items.isEmpty() ? null : MarkdownText.bullets(items, "");
    }

    public static String scalar(JsonNode node) {
        if (node.isNumber()) {
            return ReportFormat.plain(node.doubleValue(), 3);
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "Yes" : "No";
        }
        return node.asText();
    }

    private static List<String> cells(JsonNode node) {
        List<String> cells = new ArrayList<>();
        if (node.isValueNode()) {
            cells.add(scalar(node));
        } else {
            for (JsonNode element : node) {
                cells.add(element.isValueNode() ? scalar(element) : String.join(", ", flat(element)));
            }
        }
        return cells;
    }

    private static List<String> flat(JsonNode node) {
        List<String> parts = new ArrayList<>();
        if (node.isValueNode()) {
            parts.add(scalar(node));
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                parts.addAll(flat(element));
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                parts.add(field.getKey() + ": " + String.join(", ", flat(field.getValue())));
            }
        }
        return parts;
    }
}
