package dev.gaday.common.model;

/**
 * A value a record refuses (out of range, not finite), naming its field so that a reader can report
 * the whole JSON path ("overall.availabilityPercent: must be ...").
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidValueException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
