package dev.gaday.cert.input;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The kinds of input cert-package reads, in the order they are described and packaged. The one list
 * of them: the per-file options, the package's copies, the bindable documents and the -v description
 * all come from here.
 */
public enum InputKind {
    KPI_SUMMARY(InputFiles.KPI_SUMMARY, true),
    WS_HEALTH(InputFiles.WS_HEALTH, true),
    DRIFT_ANALYSIS(InputFiles.DRIFT_ANALYSIS, true),
    SLO_STATUS(InputFiles.SLO_STATUS, true),
    VALIDATION_JSON(InputFiles.VALIDATION_JSON, true),
    VALIDATION_HTML(InputFiles.VALIDATION_HTML, false),
    RELEASE("release", true);

    private final String key;
    private final boolean document;

    InputKind(String key, boolean document) {
        this.key = key;
        this.document = document;
    }

    /** The name {@link InputFiles} knows the input by: its spec file name, or "release". */
    public String key() {
        return key;
    }

    /** Whether the input is a JSON/YAML document that bindings can point into. */
    public boolean document() {
        return document;
    }

    /** The file name of the input's copy in the package. */
    public String packagedName(Path source) {
        if (this != RELEASE) {
            return key;
        }
        return source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? "release.json"
                : "release.yaml";
    }

    /** The validation results kind of a --validation-results file, by its extension. */
    public static InputKind validationResults(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")
                ? VALIDATION_HTML
                : VALIDATION_JSON;
    }
}
