package dev.gaday.kpi.validate.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.json.Json;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.ErrorKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the other tools' files as JSON trees: {@code drift_analysis.json} (kind drift-analysis) and
 * {@code slo_status.json} (kind slo-status). Only the fields a check needs are read, by the names their schemas
 * document, so that a newer writer adding fields does not break the suite; a file of another kind is refused.
 */
public final class InputFiles {
    public static final String DRIFT_ANALYSIS = "drift_analysis.json";
    public static final String SLO_STATUS = "slo_status.json";
    public static final String WS_HEALTH = "ws_health_metrics.json";

    private InputFiles() {}

    /** The file's tree; a malformed file or another kind is a definition error naming the file. */
    public static JsonNode read(Path file, String expectedKind) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CheckFailure(ErrorKind.SOURCE, file + ": not readable JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new CheckFailure(ErrorKind.SOURCE, file + ": not a JSON object");
        }
        if (expectedKind != null) {
            String kind = root.path("kind").asText(null);
            if (!expectedKind.equals(kind)) {
                throw new CheckFailure(
                        ErrorKind.SOURCE, file + ": kind is '" + kind + "', expected '" + expectedKind + "'");
            }
        }
        return root;
    }

    /** One drift from drift_analysis.json's {@code drifts[]}. */
    public record Drift(String metric, String service, Double changePercent, String severity) {
        public boolean isCpuOrMemory() {
            String name = metric == null ? "" : metric.toLowerCase(Locale.ROOT);
            return name.contains("cpu") || name.contains("memory") || name.contains("resident");
        }
    }

    public static List<Drift> drifts(JsonNode analysis) {
        List<Drift> drifts = new ArrayList<>();
        for (JsonNode drift : analysis.path("drifts")) {
            drifts.add(new Drift(
                    drift.path("metric").asText(null),
                    drift.path("service").asText(null),
                    number(drift.path("changePercent")),
                    drift.path("severity").asText(null)));
        }
        return drifts;
    }

    /** One SLO from slo_status.json's {@code slos[]}. */
    public record Slo(
            String name, String service, String sliType, Double good, Double total, Double errorRatio, String state) {
        public boolean isLatency() {
            return sliType != null && sliType.toLowerCase(Locale.ROOT).contains("latency");
        }
    }

    public static List<Slo> slos(JsonNode status) {
        List<Slo> slos = new ArrayList<>();
        for (JsonNode slo : status.path("slos")) {
            slos.add(new Slo(
                    slo.path("name").asText(null),
                    slo.path("service").asText(null),
                    slo.path("sliType").asText(null),
                    number(slo.path("good")),
                    number(slo.path("total")),
                    number(slo.path("errorRatio")),
                    slo.path("state").asText(null)));
        }
        return slos;
    }

    public static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "malformed";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
