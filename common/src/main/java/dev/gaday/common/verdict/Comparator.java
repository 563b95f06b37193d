package dev.gaday.common.verdict;

/** How a measured value is held against a threshold; in JSON and YAML its symbol, e.g. ">=" (see Json). */
public enum Comparator {
    GREATER_OR_EQUAL(">="),
    GREATER(">"),
    LESS_OR_EQUAL("<="),
    LESS("<");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case GREATER_OR_EQUAL -> value >= threshold;
            case GREATER -> value > threshold;
            case LESS_OR_EQUAL -> value <= threshold;
            case LESS -> value < threshold;
        };
    }

    public static Comparator parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (Comparator comparator : values()) {
            if (comparator.symbol.equals(trimmed) || comparator.name().equalsIgnoreCase(trimmed)) {
                return comparator;
            }
        }
        throw new IllegalArgumentException("unknown comparator '" + text + "' (use >=, >, <=, <)");
    }
}
