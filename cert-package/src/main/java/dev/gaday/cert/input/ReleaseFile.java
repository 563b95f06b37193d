package dev.gaday.cert.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.model.Ranges;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The release file (YAML): what only people know about the GA day. Every part is optional; what
 * is absent leaves its placeholders "N/A" with the reason "release file: ... absent". The schema
 * is documented in docs/schema/release-file.md.
 *
 * @param values free values for any placeholder: a scalar, a list (bullets, or table rows when
 *     the placeholder stands under a table header) or a list of lists (table rows)
 * @param bindings placeholder to {@code FILE:PATH} (a JSON path into an input file) or
 *     {@code literal:TEXT}; these win over everything else
 * @param certification the certification policy: gate (kpi, websocket, drift, slo, validation) to
 *     required, warning or off; --policy FILE wins gate by gate
 */
public record ReleaseFile(
        String version,
        String name,
        String deploymentStatus,
        String pipelineRunId,
        String artifactLocation,
        List<Hotfix> hotfixes,
        List<TimelineEvent> timeline,
        List<Incident> incidents,
        List<ActionItem> actionItems,
        Lessons lessons,
        Rollback rollback,
        Map<String, SignOff> signOff,
        Map<String, List<Link>> links,
        Map<String, JsonNode> values,
        Map<String, String> bindings,
        Map<String, String> certification) {

    public ReleaseFile {
        hotfixes = hotfixes == null ? List.of() : List.copyOf(hotfixes);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        signOff = signOff == null ? Map.of() : new TreeMap<>(signOff);
        links = links == null ? Map.of() : new TreeMap<>(links);
        values = values == null ? Map.of() : new TreeMap<>(values);
        bindings = bindings == null ? Map.of() : new TreeMap<>(bindings);
        certification = certification == null ? Map.of() : new TreeMap<>(certification);
    }

    public static ReleaseFile empty() {
        return new ReleaseFile(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public record Hotfix(String id, String title, String status, String notes) {
        public Hotfix {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("hotfixes[].id is required");
            }
        }
    }

    /**
     * A release-file time as an instant: RFC 3339 with Z or an offset, or null when the text is not one (times
     * here are people's free text, shown as written then).
     */
    public static java.time.Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** @param phase pre, ga or post: which timeline of the report the event belongs to */
    public record TimelineEvent(String time, String phase, String event, String status, String notes) {
        /** The event's time, or null when {@link #time()} is not an RFC 3339 time. */
        public java.time.Instant instant() {
            return ReleaseFile.instant(time);
        }

        public TimelineEvent {
            if (event == null || event.isBlank()) {
                throw new IllegalArgumentException("timeline[].event is required");
            }
            phase = phase == null ? "ga" : phase.strip().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("pre", "ga", "post").contains(phase)) {
                throw new IllegalArgumentException("timeline[].phase must be pre, ga or post, was '" + phase + "'");
            }
        }
    }

    /** @param severity SEV-1 to SEV-4 (or 1 to 4) */
    public record Incident(
            String id,
            String time,
            String severity,
            String title,
            String status,
            Double mttrMinutes,
            String details,
            String rootCause,
            String remediation) {
        public Incident {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("incidents[].title is required");
            }
            // The report's MTTR is their mean: a negative or infinite one would corrupt it.
            mttrMinutes = Ranges.nonNegative("incidents[].mttrMinutes", mttrMinutes);
        }

        /** The incident's time, or null when {@link #time()} is not an RFC 3339 time. */
        public java.time.Instant instant() {
            return ReleaseFile.instant(time);
        }

        /** 1 to 4, or 0 when the severity is not one of SEV-1..SEV-4. */
        public int severityLevel() {
            if (severity == null) {
                return 0;
            }
            String digits = severity.replaceAll("[^0-9]", "");
            return digits.length() == 1 && digits.charAt(0) >= '1' && digits.charAt(0) <= '4'
                    ? digits.charAt(0) - '0'
                    : 0;
        }
    }

    /** @param horizon immediate (0-24h), short-term (1-7 days) or long-term (1-4 weeks) */
    public record ActionItem(String horizon, String title, String owner, String due) {
        public ActionItem {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("actionItems[].title is required");
            }
            horizon = horizon == null ? "immediate" : horizon.strip().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("immediate", "short-term", "long-term").contains(horizon)) {
                throw new IllegalArgumentException(
                        "actionItems[].horizon must be immediate, short-term or long-term, was '" + horizon + "'");
            }
        }
    }

    public record Lessons(List<String> wentWell, List<String> toImprove, List<String> processImprovements) {}

    public record Rollback(
            List<String> plan, String testStatus, Double timeEstimateMinutes, Boolean dataMigrationReversible) {
        public Rollback {
            timeEstimateMinutes = Ranges.nonNegative("rollback.timeEstimateMinutes", timeEstimateMinutes);
        }
    }

    public record SignOff(String name, String signature, String date) {}

    public record Link(String title, String url) {
        public Link {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("links: url is required");
            }
        }
    }
}
