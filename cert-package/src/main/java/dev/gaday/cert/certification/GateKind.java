package dev.gaday.cert.certification;

import dev.gaday.cert.input.InputFiles;
import java.util.Locale;

/** The certification gates, in the order the report and the metadata list them. */
public enum GateKind {
    KPI("kpi", "KPI certification", InputFiles.KPI_SUMMARY, "kpi-collector collect"),
    WEBSOCKET("websocket", "WebSocket reconnect compliance", InputFiles.WS_HEALTH, "ws-health"),
    DRIFT("drift", "Drift / canary analysis", InputFiles.DRIFT_ANALYSIS, "drift-detector"),
    SLO("slo", "SLO error budgets", InputFiles.SLO_STATUS, "slo-monitor"),
    VALIDATION("validation", "Validation suite", InputFiles.VALIDATION_JSON, "kpi-collector validate");

    private final String id;
    private final String title;
    private final String file;
    private final String tool;

    GateKind(String id, String title, String file, String tool) {
        this.id = id;
        this.title = title;
        this.file = file;
        this.tool = tool;
    }

    /** The gate's name in a policy ({@code certification: {drift: warning}}) and in the metadata. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The input file the gate reads. */
    public String file() {
        return file;
    }

    /** The toolkit command that writes the gate's file. */
    public String tool() {
        return tool;
    }

    /** The gate of a policy key, or null. */
    public static GateKind byId(String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        for (GateKind kind : values()) {
            if (kind.id.equals(key) || (kind == WEBSOCKET && key.equals("ws")) || (kind == KPI && key.equals("kpis"))) {
                return kind;
            }
        }
        return null;
    }
}
