package dev.gaday.cert.model;

import dev.gaday.common.verdict.Status;
import java.util.Objects;

/**
 * One input's verdict as it counts for certification.
 *
 * @param source the file and field the status was read from
 * @param note why the status is what it is, when that is not obvious (missing file, partial data)
 */
public record Gate(String name, String source, Status status, String note) {
    public Gate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }
}
