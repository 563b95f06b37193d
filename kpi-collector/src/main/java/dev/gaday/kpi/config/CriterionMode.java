package dev.gaday.kpi.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a criterion takes part in the verdict: it gates (on), only warns (warning), or is not evaluated (off). */
public enum CriterionMode {
    ON,
    WARNING,
    OFF;

    /** Reads {@code on}, {@code off}, {@code warning} (YAML 1.1's booleans true/false too). */
    @JsonCreator
    public static CriterionMode parse(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? ON : OFF;
        }
        String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "on", "true", "yes" -> ON;
            case "off", "false", "no" -> OFF;
            case "warning", "warn", "warning-only" -> WARNING;
            default -> throw new IllegalArgumentException("a criterion is on, off or warning, was '" + value + "'");
        };
    }

    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
