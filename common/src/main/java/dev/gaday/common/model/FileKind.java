package dev.gaday.common.model;

/**
 * The kinds of file the tools hand each other. Every such file carries {@code schemaVersion}
 * and {@code kind}; a reader rejects a file of another kind or a newer major schema version.
 */
public enum FileKind {
    KPI_SUMMARY("ga-kpi-summary", 1),
    KPI_SNAPSHOT("ga-kpi-snapshot", 1),
    WS_HEALTH_METRICS("ws-health-metrics", 1),
    VALIDATION_RESULTS("validation-results", 1),
    CERTIFICATION_METADATA("ga-certification-metadata", 1),
    DRIFT_BASELINE("drift-baseline", 1),
    DRIFT_ANALYSIS("drift-analysis", 1),
    SLO_STATUS("slo-status", 1);

    private final String id;
    private final int schemaVersion;

    FileKind(String id, int schemaVersion) {
        this.id = id;
        this.schemaVersion = schemaVersion;
    }

    public String id() {
        return id;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** Validates a file header; called from the compact constructors of the file records. */
    public void check(int schemaVersion, String kind) {
        if (!id.equals(kind)) {
            throw new IllegalArgumentException("kind is '" + kind + "', expected '" + id + "'");
        }
        if (schemaVersion < 1 || schemaVersion > this.schemaVersion) {
            throw new IllegalArgumentException("schemaVersion " + schemaVersion + " of " + id
                    + " is not supported (this version reads 1 to " + this.schemaVersion + ")");
        }
    }
}
