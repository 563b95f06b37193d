package dev.gaday.slo.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts OpenSLO v1 and Sloth prometheus/v1 specs to the slos.yaml model (as a YAML-ready map), so that
 * an imported SLO is evaluated exactly as the same SLO written by hand.
 *
 * <ul>
 * <li>Sloth: {@code slos[].sli.events{error_query,total_query}} become {@code events{errors,total}}; their
 * {@code {{.window}}} is kept, and {@code rate(} becomes {@code increase(}: the file counts events (the
 * ratios are the same either way). {@code sli.raw} and {@code sli.plugin} cannot be counted: refused.</li>
 * <li>OpenSLO: each {@code kind: SLO} document with an inline indicator. {@code ratioMetric} (counter) with
 * {@code good} or {@code bad}, and {@code total}: each query is a counter selector, counted as
 * {@code sum(increase(<query>[{{window}}]))}. {@code thresholdMetric} with query {@code histogram{selector}}
 * and objective {@code op: lte|lt, value: seconds} becomes a latency SLI. {@code target} (0..1) or
 * {@code targetPercent}; Occurrences budgeting only.</li>
 * </ul>
 */
public final class SpecImporter {
    private static final Pattern RATE = Pattern.compile("(?<![A-Za-z0-9_:])rate\\s*\\(");
    private static final Pattern SELECTOR =
            Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?:\\{(.*)})?\\s*$", Pattern.DOTALL);

    private SpecImporter() {}

    public static Map<String, Object> fromSloth(Path file) {
        List<JsonNode> documents = read(file);
        List<Map<String, Object>> slos = new ArrayList<>();
        for (JsonNode doc : documents) {
            String version = doc.path("version").asText();
            if (!version.equals("prometheus/v1")) {
                throw bad(file, "version is '" + version + "', expected prometheus/v1 (Sloth's spec)");
            }
            String service = required(file, doc, "service");
            JsonNode list = doc.path("slos");
            if (!list.isArray() || list.isEmpty()) {
                throw bad(file, "service " + service + " has no slos");
            }
            for (JsonNode slo : list) {
                String name = required(file, slo, "name");
                String where = "slo '" + name + "'";
                JsonNode sli = slo.path("sli");
                if (!sli.has("events")) {
                    String kind = sli.fieldNames().hasNext() ? sli.fieldNames().next() : "none";
                    throw bad(
                            file,
                            where + ": SLI kind '" + kind + "' cannot be imported (only events: its "
                                    + "error and total queries can be counted)");
                }
                Map<String, Object> events = new LinkedHashMap<>();
                events.put("errors", counting(required(file, sli.get("events"), "error_query")));
                events.put("total", counting(required(file, sli.get("events"), "total_query")));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", service + "-" + name);
                out.put("service", service);
                out.put("objective", objective(file, where, slo.path("objective")));
                out.put("sli", Map.of("events", events));
                slos.add(out);
            }
        }
        return Map.of("slos", slos);
    }

    public static Map<String, Object> fromOpenSlo(Path file) {
        List<Map<String, Object>> slos = new ArrayList<>();
        for (JsonNode doc : read(file)) {
            if (!doc.path("kind").asText().equals("SLO")) {
                continue;
            }
            String apiVersion = doc.path("apiVersion").asText();
            if (!apiVersion.equals("openslo/v1")) {
                throw bad(file, "apiVersion is '" + apiVersion + "', expected openslo/v1");
            }
            String name = required(file, doc.path("metadata"), "name");
            String where = "SLO '" + name + "'";
            JsonNode spec = doc.path("spec");
            String method = spec.path("budgetingMethod").asText("Occurrences");
            if (!method.equals("Occurrences")) {
                throw bad(file, where + ": budgetingMethod " + method + " is not supported (Occurrences only)");
            }
            JsonNode objectives = spec.path("objectives");
            if (!objectives.isArray() || objectives.size() != 1) {
                throw bad(file, where + ": needs exactly one objective");
            }
            JsonNode objective = objectives.get(0);
            double percent;
            if (objective.has("targetPercent")) {
                percent = objective.get("targetPercent").asDouble();
            } else if (objective.has("target")) {
                percent = java.math.BigDecimal.valueOf(objective.get("target").asDouble())
                        .movePointRight(2)
                        .doubleValue();
            } else {
                throw bad(file, where + ": objective has no target or targetPercent");
            }
            JsonNode indicator = spec.path("indicator").path("spec");
            if (indicator.isMissingNode()) {
                throw bad(file, where + ": needs an inline indicator (indicatorRef is not supported)");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", name);
            if (spec.hasNonNull("service")) {
                out.put("service", spec.get("service").asText());
            }
            out.put("objective", percent);
            if (indicator.has("ratioMetric")) {
                JsonNode ratio = indicator.get("ratioMetric");
                String total = countOf(file, where, ratio.path("total"));
                Map<String, Object> events = new LinkedHashMap<>();
                if (ratio.has("bad")) {
                    events.put("errors", countOf(file, where, ratio.get("bad")));
                } else if (ratio.has("good")) {
                    events.put("errors", total + " - " + countOf(file, where, ratio.get("good")));
                } else {
                    throw bad(file, where + ": ratioMetric needs good or bad");
                }
                events.put("total", total);
                out.put("sli", Map.of("events", events));
            } else if (indicator.has("thresholdMetric")) {
                String query = queryOf(file, where, indicator.get("thresholdMetric"));
                Matcher selector = SELECTOR.matcher(query);
                if (!selector.matches()) {
                    throw bad(
                            file,
                            where + ": thresholdMetric query must be a histogram selector like "
                                    + "http_request_duration_seconds{service=\"x\"}, got '" + query + "'");
                }
                String op = objective.path("op").asText();
                if (!op.equals("lte") && !op.equals("lt")) {
                    throw bad(
                            file,
                            where + ": thresholdMetric objective op must be lte or lt (requests faster "
                                    + "than the value are good), got '" + op + "'");
                }
                Map<String, Object> latency = new LinkedHashMap<>();
                latency.put("metric", selector.group(1));
                latency.put(
                        "selector",
                        selector.group(2) == null ? "" : selector.group(2).trim());
                latency.put("threshold", objective.path("value").asDouble());
                out.put("sli", Map.of("latency", latency));
            } else {
                throw bad(file, where + ": indicator must be a ratioMetric or a thresholdMetric");
            }
            slos.add(out);
        }
        if (slos.isEmpty()) {
            throw bad(file, "no kind: SLO document");
        }
        return Map.of("slos", slos);
    }

    private static String countOf(Path file, String where, JsonNode metric) {
        String query = queryOf(file, where, metric);
        if (query.contains("{{window}}") || query.contains("{{.window}}")) {
            return counting(query);
        }
        return "sum(increase(" + query + "[{{window}}]))";
    }

    private static String queryOf(Path file, String where, JsonNode metric) {
        JsonNode source = metric.path("metricSource");
        String type = source.path("type").asText("Prometheus");
        if (!type.equalsIgnoreCase("Prometheus")) {
            throw bad(file, where + ": metricSource type " + type + " is not supported (Prometheus only)");
        }
        String query = source.path("spec").path("query").asText("");
        if (query.isBlank()) {
            throw bad(file, where + ": metricSource has no spec.query");
        }
        return query.trim();
    }

    /** Sloth's per-second query as a count of events over the window. */
    static String counting(String query) {
        return RATE.matcher(query.trim()).replaceAll("increase(").replace("{{.window}}", "{{window}}");
    }

    private static double objective(Path file, String where, JsonNode node) {
        if (!node.isNumber()) {
            throw bad(file, where + ": objective must be a number (percent)");
        }
        return node.asDouble();
    }

    private static String required(Path file, JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw bad(file, "missing '" + field + "'");
        }
        return value.asText();
    }

    private static List<JsonNode> read(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                Json.yaml().readerFor(JsonNode.class).readValues(Files.readAllBytes(file))) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    documents.add(doc);
                }
            }
        } catch (NoSuchFileException e) {
            throw ToolException.usage(file + ": no such file");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ToolException.usage(Json.describe(file, e));
        } catch (IOException | RuntimeException e) {
            throw ToolException.usage(file + ": cannot read: " + e.getMessage());
        }
        if (documents.isEmpty()) {
            throw ToolException.usage(file + ": empty");
        }
        return documents;
    }

    private static ToolException bad(Path file, String what) {
        return ToolException.usage(file + ": " + what);
    }
}
