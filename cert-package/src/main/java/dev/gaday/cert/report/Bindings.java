package dev.gaday.cert.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.InputKind;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.kpi.DataGap;
import dev.gaday.common.model.kpi.KpiSummary;
import dev.gaday.common.template.TemplateFiller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Placeholder bindings: {@code NAME: FILE:PATH} takes the value at PATH (see {@link JsonPaths}) in
 * the input file FILE (a spec name such as ga_kpi_summary.json, or "release"), optionally followed by
 * a {@link ValueFormat} ({@code ... as count}); {@code NAME: literal:TEXT} inserts TEXT. Three tables
 * use them, weakest first: the toolkit's own (bundled toolkit-bindings.yaml: the scalar values of the
 * tools' files), the defaults (bundled default-bindings.yaml: inputs whose tools do not exist yet, by
 * the spec's file names), and the users' (the release file's {@code bindings:}), which win over every
 * other source.
 */
public final class Bindings {
    static final String TOOLKIT = "/dev/gaday/cert/toolkit-bindings.yaml";
    static final String DEFAULTS = "/dev/gaday/cert/default-bindings.yaml";
    private static final String LITERAL = "literal:";

    /** Where a table of bindings comes from, as its reasons name it. */
    enum Origin {
        TOOLKIT(""),
        DEFAULT("default binding "),
        USER("binding ");

        private final String label;

        Origin(String label) {
            this.label = label;
        }
    }

    private Bindings() {}

    public static Map<String, String> toolkit() {
        return readResource(TOOLKIT);
    }

    public static Map<String, String> defaults() {
        return readResource(DEFAULTS);
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
            spec = ValueFormat.stripFrom(spec);
            int colon = spec.indexOf(':');
            String file = colon < 0 ? "" : spec.substring(0, colon);
            if (!files().contains(file)) {
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

    static void apply(Map<String, String> bindings, ReportContext context, PlaceholderValues values, Origin origin) {
        for (Map.Entry<String, String> binding : bindings.entrySet()) {
            String name = binding.getKey();
            String spec = binding.getValue();
            String from = origin == Origin.TOOLKIT ? "" : " (" + origin.label + spec + ")";
            if (spec.startsWith(LITERAL)) {
                values.text(name, spec.substring(LITERAL.length()), origin.label + spec + ": empty literal");
                continue;
            }
            ValueFormat format = ValueFormat.of(spec);
            spec = ValueFormat.stripFrom(spec);
            int colon = spec.indexOf(':');
            String file = spec.substring(0, colon);
            String path = spec.substring(colon + 1);
            JsonNode document = context.inputs().documents().get(file);
            if (document == null) {
                if (!values.has(name)) {
                    values.absent(
                            name,
                            "no input file " + (file.equals(InputKind.RELEASE.key()) ? "(--release)" : file) + from);
                }
                continue;
            }
            String markdown = format.render(
                    JsonPaths.resolve(document, path),
                    name.startsWith(TemplateFiller.BLOCK_PREFIX),
                    context.tableRows().contains(name));
            if (markdown == null && values.has(name)) {
                continue;
            }
            values.markdown(name, markdown, file + ": " + path + " absent" + gapReason(context, file, path) + from);
        }
    }

    /**
     * The paths in {@code file} whose placeholders have a value all the same: filled by another source (an MTTR
     * from the release file's incidents where the KPI summary has none), so that a gap in that field is no gap in
     * the report.
     */
    @SafeVarargs
    static Set<String> pathsFilledElsewhere(String file, PlaceholderValues values, Map<String, String>... bindings) {
        Set<String> paths = new HashSet<>();
        for (Map<String, String> map : bindings) {
            map.forEach((name, spec) -> {
                String bare = ValueFormat.stripFrom(spec);
                if (bare.startsWith(file + ":") && values.has(name)) {
                    paths.add(bare.substring(file.length() + 1));
                }
            });
        }
        return paths;
    }

    /** The KPI summary's own reason for a field it has no value for ("no series for ..."), if it gives one. */
    private static String gapReason(ReportContext context, String file, String path) {
        KpiSummary summary = context.inputs().kpiSummary();
        if (!file.equals(InputFiles.KPI_SUMMARY) || summary == null) {
            return "";
        }
        for (DataGap gap : summary.gaps()) {
            if (gap.field() != null && (gap.field().equals(path) || path.endsWith("." + gap.field()))) {
                return " (" + gap.reason() + ")";
            }
        }
        return "";
    }

    private static List<String> files() {
        return Arrays.stream(InputKind.values())
                .filter(InputKind::document)
                .map(InputKind::key)
                .toList();
    }

    /** Reads a bundled YAML map of placeholder to binding. */
    private static Map<String, String> readResource(String resource) {
        try (InputStream in = Bindings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, String> map = new LinkedHashMap<>();
            Json.yaml()
                    .readTree(in)
                    .fields()
                    .forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
