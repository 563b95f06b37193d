package dev.gaday.cert.build;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.Inputs;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.model.kpi.KpiSnapshot;
import dev.gaday.common.text.ReportFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Consistency warnings: every input that lies outside the GA window (a snapshot, the WebSocket run, the
 * drift, SLO and validation windows, a GA-day timeline event or an incident of the release file), one line
 * each. They go to stderr, into the report's data-gaps section and into certification_metadata.json.
 */
final class WindowConsistency {
    /** A WebSocket run may come the day before the GA day (a rehearsal) without a warning. */
    private static final long WS_LEAD_SECONDS = 86_400;

    private WindowConsistency() {}

    static List<String> warnings(Inputs inputs, Instant start, Instant end) {
        List<String> warnings = new ArrayList<>();
        String window = ReportFormat.timestamp(start) + " to " + ReportFormat.timestamp(end);
        for (KpiSnapshot snapshot : inputs.snapshots()) {
            if (snapshot.window().end().isBefore(start)
                    || snapshot.window().start().isAfter(end)) {
                warnings.add(KpiSnapshot.fileName(snapshot.sequence()) + " ("
                        + span(snapshot.window().start(), snapshot.window().end()) + ") lies outside the GA window "
                        + window);
            }
        }
        var ws = inputs.wsHealth();
        if (ws != null
                && ws.startedAt() != null
                && (ws.startedAt().isBefore(start.minusSeconds(WS_LEAD_SECONDS))
                        || ws.startedAt().isAfter(end))) {
            warnings.add(InputFiles.WS_HEALTH + " run started at " + ReportFormat.timestamp(ws.startedAt())
                    + ", outside the GA window " + window);
        }
        if (inputs.drift() != null) {
            inputs.drift().windows().forEach((side, w) -> {
                // The baseline (or stable, before) side is meant to lie before the GA day.
                boolean gaSide = List.of("current", "canary", "after").contains(side);
                if (gaSide && outside(w.start(), w.end(), start, end)) {
                    warnings.add(InputFiles.DRIFT_ANALYSIS + " " + side + " window (" + span(w.start(), w.end())
                            + ") lies outside the GA window " + window);
                }
            });
        }
        if (inputs.slo() != null
                && outside(inputs.slo().window().start(), inputs.slo().window().end(), start, end)) {
            warnings.add(InputFiles.SLO_STATUS + " window ("
                    + span(inputs.slo().window().start(), inputs.slo().window().end())
                    + ") lies outside the GA window " + window);
        }
        var validation = inputs.validation();
        if (validation != null
                && validation.window() != null
                && outside(validation.window().start(), validation.window().end(), start, end)) {
            warnings.add(InputFiles.VALIDATION_JSON + " window ("
                    + span(validation.window().start(), validation.window().end())
                    + ") lies outside the GA window " + window);
        }
        ReleaseFile release = inputs.release();
        for (ReleaseFile.TimelineEvent event : release.timeline()) {
            Instant at = event.instant();
            if (at != null && event.phase().equals("ga") && (at.isBefore(start) || at.isAfter(end))) {
                warnings.add("release file: GA-day timeline event '" + event.event() + "' at "
                        + ReportFormat.timestamp(at) + " lies outside the GA window " + window);
            }
        }
        for (ReleaseFile.Incident incident : release.incidents()) {
            Instant at = incident.instant();
            if (at != null && (at.isBefore(start) || at.isAfter(end))) {
                warnings.add("release file: incident '" + (incident.id() == null ? "" : incident.id() + " ")
                        + incident.title() + "' at " + ReportFormat.timestamp(at) + " lies outside the GA window "
                        + window);
            }
        }
        return warnings;
    }

    private static String span(Instant from, Instant to) {
        return ReportFormat.timestamp(from) + " to " + ReportFormat.timestamp(to);
    }

    /** A window wholly before or after the GA window; false when either end is unknown. */
    private static boolean outside(Instant from, Instant to, Instant start, Instant end) {
        return from != null && to != null && (to.isBefore(start) || from.isAfter(end));
    }
}
