package dev.gaday.kpi.validate.check;

import java.util.Locale;

/** Critical checks decide the exit code; the others are reported only. */
public enum Severity {
    CRITICAL,
    WARNING,
    INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (use critical, warning or info)");
    }
}
