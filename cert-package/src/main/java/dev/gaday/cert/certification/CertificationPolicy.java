package dev.gaday.cert.certification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.error.ToolException;
import dev.gaday.common.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which gates count and how: the release file's {@code certification:} section, overridden gate by gate
 * by {@code --policy FILE} (the same map, at the top of the file or under {@code certification:}). A gate
 * neither names is {@linkplain #defaultMode defaulted}: KPIs and WebSocket required; drift, SLO and
 * validation required when their file is among the inputs, else off.
 */
public record CertificationPolicy(Map<GateKind, GateMode> modes) {
    public CertificationPolicy {
        modes = modes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(modes));
    }

    public static CertificationPolicy defaults() {
        return new CertificationPolicy(Map.of());
    }

    /**
     * @param releaseSection the release file's {@code certification:} map (may be empty)
     * @param policyFile --policy FILE, or null
     */
    public static CertificationPolicy of(Map<String, String> releaseSection, Path policyFile) {
        Map<GateKind, GateMode> modes = new EnumMap<>(GateKind.class);
        parse(releaseSection, "release file certification", modes);
        if (policyFile != null) {
            JsonNode root = Json.readFile(policyFile, JsonNode.class);
            JsonNode section = root != null && root.has("certification") ? root.get("certification") : root;
            if (section == null || !section.isObject()) {
                throw ToolException.usage("--policy " + policyFile + ": expected a map of gate to required, warning "
                        + "or off (kpi, websocket, drift, slo, validation)");
            }
            Map<String, String> map = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString());
            }
            parse(map, "--policy " + policyFile, modes);
        }
        return new CertificationPolicy(modes);
    }

    private static void parse(Map<String, String> section, String where, Map<GateKind, GateMode> modes) {
        List<String> gates = new ArrayList<>();
        for (GateKind kind : GateKind.values()) {
            gates.add(kind.id());
        }
        for (Map.Entry<String, String> entry : section.entrySet()) {
            GateKind kind = GateKind.byId(entry.getKey());
            if (kind == null) {
                throw ToolException.usage(
                        where + ": unknown gate '" + entry.getKey() + "' (gates: " + String.join(", ", gates) + ")");
            }
            GateMode mode = GateMode.parse(entry.getValue());
            if (mode == null) {
                throw ToolException.usage(
                        where + "." + entry.getKey() + ": '" + entry.getValue() + "' is not required, warning or off");
            }
            modes.put(kind, mode);
        }
    }

    /** The gate's mode: the policy's, else the default for a gate whose file is (or is not) present. */
    public GateMode mode(GateKind kind, boolean filePresent) {
        GateMode mode = modes.get(kind);
        return mode != null ? mode : defaultMode(kind, filePresent);
    }

    /** Whether the policy names the gate (rather than leaving it to the default). */
    public boolean explicit(GateKind kind) {
        return modes.containsKey(kind);
    }

    public static GateMode defaultMode(GateKind kind, boolean filePresent) {
        return switch (kind) {
            case KPI, WEBSOCKET -> GateMode.REQUIRED;
            case DRIFT, SLO, VALIDATION -> filePresent ? GateMode.REQUIRED : GateMode.OFF;
        };
    }
}
