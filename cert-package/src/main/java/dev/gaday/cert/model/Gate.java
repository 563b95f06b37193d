package dev.gaday.cert.model;

import dev.gaday.common.verdict.Status;
import java.util.List;
import java.util.Objects;

/**
 * One gate's verdict as it counts for certification.
 *
 * @param source the file and field the status was read from
 * @param status the gate's status as it counts: a failed {@code warning} gate is WARN; an {@code off} gate
 *     keeps its file's status but does not count
 * @param note why the status is what it is, when that is not obvious (missing file, partial data)
 * @param id the gate's policy name (kpi, websocket, drift, slo, validation)
 * @param mode required, warning or off
 * @param counted whether the gate counts towards the verdict (not off, and not an absent warning gate)
 * @param file the input file read, or null when absent
 * @param reasons the gate's failing criteria or checks, one line each, worst first (at most a few)
 */
public record Gate(
        String name,
        String source,
        Status status,
        String note,
        String id,
        String mode,
        boolean counted,
        String file,
        List<String> reasons) {
    public Gate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        mode = mode == null ? "required" : mode;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public Gate(String name, String source, Status status, String note) {
        this(name, source, status, note, null, "required", true, null, List.of());
    }
}
