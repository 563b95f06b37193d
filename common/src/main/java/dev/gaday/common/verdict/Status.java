package dev.gaday.common.verdict;

/** The outcome of one criterion, and of a verdict. */
public enum Status {
    PASS,
    WARN,
    FAIL,
    NO_DATA;

    /** The worse of two statuses for an overall verdict: FAIL > NO_DATA > WARN > PASS. */
    public Status worse(Status other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(Status status) {
        return switch (status) {
            case PASS -> 0;
            case WARN -> 1;
            case NO_DATA -> 2;
            case FAIL -> 3;
        };
    }
}
