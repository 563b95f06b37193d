package dev.gaday.drift.judge;

/** The judge's classification of one metric (one service's series of it). */
public enum Decision {
    /** No significant and practically large change in the bad direction. */
    PASS("Pass"),
    /** Significantly and practically higher, and higher is bad. */
    HIGH("High"),
    /** Significantly and practically lower, and lower is bad. */
    LOW("Low"),
    /** No series on one side or both. */
    NO_DATA("NoData"),
    /** Fewer samples (or requests) than the minimum on a side: too little to judge. */
    INSUFFICIENT("Insufficient"),
    /** The query failed (rejected by the server). */
    ERROR("Error");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** The name written in files and reports: Pass, High, Low, NoData, Insufficient, Error. */
    public String label() {
        return label;
    }

    public boolean failed() {
        return this == HIGH || this == LOW;
    }

    /** Whether the metric counts in its group's score (NoData and Insufficient do not). */
    public boolean counted() {
        return this == PASS || this == HIGH || this == LOW || this == ERROR;
    }
}
