package dev.gaday.common.model.slo;

import dev.gaday.common.model.FileKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code slo_status.json} (and each live {@code slo_status_NNNN.json}): every SLO's error budget, burn
 * rates and alerts over a window, written by slo-monitor and read by cert-package and the validation
 * suite. See docs/schema/slo-status.md. {@code status} is PASS, WARN, FAIL or NO_DATA; {@code partial}
 * marks an interrupted or in-progress live run, which never certifies.
 */
public record SloStatus(
        int schemaVersion,
        String kind,
        String toolVersion,
        Instant generatedAt,
        boolean partial,
        SloWindow window,
        String policy,
        String status,
        List<SloResult> slos,
        List<SloViolation> violations,
        Map<String, SloTypeSummary> summary) {

    public static final List<String> STATUSES = List.of("PASS", "WARN", "FAIL", "NO_DATA");

    public SloStatus {
        FileKind.SLO_STATUS.check(schemaVersion, kind);
        Objects.requireNonNull(window, "window");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status is '" + status + "', expected one of " + STATUSES);
        }
        slos = slos == null ? List.of() : List.copyOf(slos);
        violations = violations == null ? List.of() : List.copyOf(violations);
        summary = summary == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(summary));
    }

    /** The SLO called {@code name}, or null. */
    public SloResult slo(String name) {
        return slos.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
