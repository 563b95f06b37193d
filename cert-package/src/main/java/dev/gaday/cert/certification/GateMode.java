package dev.gaday.cert.certification;

import java.util.Locale;

/**
 * How a gate counts: REQUIRED (its failure fails the release; its absence or partial evidence makes it
 * INCONCLUSIVE), WARNING (a failure or missing data only warns: CERTIFIED WITH WARNINGS) or OFF (listed,
 * not counted).
 */
public enum GateMode {
    REQUIRED,
    WARNING,
    OFF;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode of a policy value, or null. */
    public static GateMode parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
                // YAML 1.1 reads an unquoted off as false (and on as true).
            case "required", "true" -> REQUIRED;
            case "warning", "warn" -> WARNING;
            case "off", "false" -> OFF;
            default -> null;
        };
    }
}
