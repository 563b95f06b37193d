package dev.gaday.kpi.validate.check;

/** What became of one check. */
public enum CheckStatus {
    PASSED("passed"),
    FAILED("failed"),
    ERROR("error"),
    SKIPPED("skipped");

    private final String id;

    CheckStatus(String id) {
        this.id = id;
    }

    /** The word used in JSON and HTML. */
    public String id() {
        return id;
    }
}
