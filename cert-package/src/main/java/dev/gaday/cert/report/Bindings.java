package dev.gaday.cert.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.template.TemplateFiller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Placeholder bindings: {@code NAME: FILE:PATH} takes the value at PATH (see {@link JsonPaths}) in
 * the input file FILE (a spec name such as ga_kpi_summary.json, or "release");
 * {@code NAME: literal:TEXT} inserts TEXT. Users' bindings (the release file's {@code bindings:})
 * win over every other source; the toolkit's defaults (bundled default-bindings.yaml) bind the
 * placeholders of inputs whose tools do not exist yet to the spec's file names.
 */
public final class Bindings {
    static final String DEFAULTS = "/dev/gaday/cert/default-bindings.yaml";
    private static final String LITERAL = "literal:";

    private Bindings() {
    }

    public static Map<String, String> defaults() {
        return ReportValues.readBindingsResource(DEFAULTS);
    }

    /** Checks every user binding before any work: a bad one is a usage error naming it. */
    public static void check(Map<String, String> bindings) {
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            String name = binding.getKey();
            if (!TemplateFiller.PLACEHOLDER.matcher("{{" + name + "}}").matches()) {
                throw ToolException.usage("release file: bindings." + name
                        + ": not a placeholder name (upper case letters, digits, underscores)");
            }
            String spec = binding.getValue();
            if (spec == null || spec.isBlank()) {
                throw ToolException.usage("release file: bindings." + name + " is empty");
            }
            if (spec.startsWith(LITERAL)) {
                continue;
            }
            int colon = spec.indexOf(':');
            String file = colon < 0 ? "" : spec.substring(0, colon);
            if (!knownFile(file)) {
                throw ToolException.usage("release file: bindings." + name + ": '" + spec
                        + "' must be literal:TEXT or FILE:PATH with FILE one of " + String.join(", ", files()));
            }
            try {
                JsonPaths.check(spec.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw ToolException.usage("release file: bindings." + name + ": " + e.getMessage());
            }
        }
    }

    static void apply(Map<String, String> bindings, ReportContext context, PlaceholderValues values,
            boolean user) {
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            String name = binding.getKey();
            String spec = binding.getValue();
            String origin = user ? "binding " + spec : "default binding " + spec;
            if (spec.startsWith(LITERAL)) {
                values.text(name, spec.substring(LITERAL.length()), origin + ": empty literal");
                continue;
            }
            int colon = spec.indexOf(':');
            String file = spec.substring(0, colon);
            String path = spec.substring(colon + 1);
            JsonNode document = context.inputs().documents().get(file);
            if (document == null) {
                if (!values.has(name)) {
                    values.absent(name, "no input file " + (file.equals("release") ? "(--release)" : file) + " ("
                            + origin + ")");
                }
                continue;
            }
            JsonNode node = JsonPaths.resolve(document, path);
            String markdown = NodeMarkdown.render(node, name.startsWith(TemplateFiller.BLOCK_PREFIX),
                    context.tableRows().contains(name));
            if (markdown == null && values.has(name)) {
                continue;
            }
            values.markdown(name, markdown, file + ": " + path + " absent (" + origin + ")");
        }
    }

    private static boolean knownFile(String file) {
        return files().contains(file);
    }

    private static List<String> files() {
        List<String> files = new ArrayList<>(InputFiles.DOCUMENTS);
        files.add("release");
        return files;
    }
}
