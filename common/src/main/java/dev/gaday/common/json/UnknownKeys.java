package dev.gaday.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.text.Typos;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The keys of a people-written file that its record does not know, found by walking the tree beside the record
 * (records, lists and maps of records; a map's own keys are free). The shared mapper ignores unknown keys, so that
 * a newer tool's exchanged files stay readable; in a file people type, an ignored "incidnets:" would silently drop
 * every incident, so such keys are reported instead: "incidnets (did you mean 'incidents'?)".
 */
public final class UnknownKeys {
    private UnknownKeys() {}

    /** Each unknown key as "path.key", with the known key it most likely meant, in the file's order. */
    public static List<String> of(JsonNode tree, Class<? extends Record> type) {
        List<String> found = new ArrayList<>();
        walk(tree, type, "", found);
        return found;
    }

    private static void walk(JsonNode node, Type type, String path, List<String> found) {
        if (node == null || node.isNull()) {
            return;
        }
        if (type instanceof Class<?> c && c.isRecord() && node.isObject()) {
            RecordComponent[] components = c.getRecordComponents();
            List<String> known =
                    Arrays.stream(components).map(RecordComponent::getName).toList();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                RecordComponent component = Arrays.stream(components)
                        .filter(rc -> rc.getName().equals(key))
                        .findFirst()
                        .orElse(null);
                if (component == null) {
                    String close = Typos.closest(key, known);
                    found.add(path + key + (close == null ? "" : " (did you mean '" + close + "'?)"));
                } else {
                    walk(field.getValue(), component.getGenericType(), path + key + ".", found);
                }
            }
        } else if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] arguments = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) && node.isArray()) {
                String base = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), arguments[0], base + "[" + i + "].", found);
                }
            } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    walk(entry.getValue(), arguments[1], path + entry.getKey() + ".", found);
                }
            }
        }
    }
}
