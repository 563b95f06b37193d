package dev.gaday.common.model.kpi;

import dev.gaday.common.verdict.CriterionResult;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.Verdict;
import java.util.List;

/** The verdict of a KPI file: PASS, FAIL or NO_DATA, with every criterion and its value. */
public record Certification(Status status, List<CriterionResult> criteria) {
    public Certification {
        if (status == null) {
            throw new IllegalArgumentException("certification.status is required");
        }
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public static Certification of(Verdict verdict) {
        return new Certification(verdict.status(), verdict.criteria());
    }
}
