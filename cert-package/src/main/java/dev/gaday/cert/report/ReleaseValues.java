package dev.gaday.cert.report;

import dev.gaday.cert.input.InputKind;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The release file's placeholders: incident counts and details, timelines, hotfixes, action items,
 * lessons, the rollback plan, sign-off and links. Everything here is people's text: escaped.
 */
final class ReleaseValues {
    static final String NO_RELEASE = "no release file (--release)";

    private ReleaseValues() {}

    /** A release-file time as the report shows times (to the second, UTC) when it is RFC 3339; else as written. */
    static String shown(String time) {
        Instant instant = ReleaseFile.instant(time);
        return instant == null ? time : ReportFormat.timestamp(instant);
    }

    static void fill(ReportContext context, PlaceholderValues values) {
        boolean given = context.inputs().files().get(InputKind.RELEASE.key()).isPresent();
        ReleaseFile release = context.inputs().release();
        Function<String, String> reason = what -> given ? "release file: " + what : NO_RELEASE;
        if (given) {
            values.text("INCIDENT_COUNT", Integer.toString(release.incidents().size()), null);
            values.text("HOTFIX_COUNT", Integer.toString(release.hotfixes().size()), null);
            int[] severities = new int[5];
            release.incidents().forEach(i -> severities[i.severityLevel()]++);
            for (int level = 1; level <= 4; level++) {
                values.text("SEV" + level + "_COUNT", Integer.toString(severities[level]), null);
            }
        } else {
            for (String name :
                    List.of("INCIDENT_COUNT", "HOTFIX_COUNT", "SEV1_COUNT", "SEV2_COUNT", "SEV3_COUNT", "SEV4_COUNT")) {
                values.absent(name, NO_RELEASE);
            }
        }
        timeline(context, values, "pre", "INSERT_PRE_GA_TIMELINE", reason);
        timeline(context, values, "ga", "INSERT_GA_TIMELINE_ROWS", reason);
        timeline(context, values, "post", "INSERT_POST_GA_TIMELINE", reason);

        List<String> details = new ArrayList<>();
        List<List<String>> incidentRows = new ArrayList<>();
        List<String> rootCauses = new ArrayList<>();
        List<String> remediations = new ArrayList<>();
        for (ReleaseFile.Incident i : release.incidents()) {
            String label = join(" · ", i.severity(), i.id(), i.title());
            details.add(label
                    + (i.time() == null ? "" : " at " + shown(i.time()))
                    + (i.status() == null ? "" : " (" + i.status() + ")")
                    + (i.details() == null ? "" : ": " + i.details()));
            incidentRows.add(List.of(
                    nz(shown(i.time())),
                    nz(i.severity()),
                    i.title(),
                    nz(i.status()),
                    i.mttrMinutes() == null ? "" : ReportFormat.withUnit(i.mttrMinutes(), 1, " min")));
            if (i.rootCause() != null) {
                rootCauses.add(label + ": " + i.rootCause());
            }
            if (i.remediation() != null) {
                remediations.add(label + ": " + i.remediation());
            }
        }
        // MTTR from the incidents people recorded, when they give it; else kpi-collector's, from the down periods.
        release.incidents().stream()
                .map(ReleaseFile.Incident::mttrMinutes)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average()
                .ifPresent(mean -> values.text("MEAN_TIME_TO_RECOVERY", ReportFormat.number(mean, 1), null));
        String noIncidents = given ? "None: no incidents in the release file." : null;
        values.markdown(
                "INSERT_INCIDENT_DETAILS",
                details.isEmpty() ? escapeOrNull(noIncidents) : MarkdownText.bullets(details, ""),
                reason.apply("no incidents"));
        values.markdown(
                "INSERT_INCIDENT_TIMELINE",
                incidentRows.isEmpty() ? null : MarkdownText.rows(incidentRows),
                reason.apply("no incidents"));
        values.markdown(
                "INSERT_ROOT_CAUSE_ANALYSIS",
                rootCauses.isEmpty()
                        ? escapeOrNull(details.isEmpty() ? noIncidents : null)
                        : MarkdownText.bullets(rootCauses, ""),
                reason.apply("no incidents[].rootCause"));
        values.markdown(
                "INSERT_REMEDIATION_ACTIONS",
                remediations.isEmpty()
                        ? escapeOrNull(details.isEmpty() ? noIncidents : null)
                        : MarkdownText.bullets(remediations, ""),
                reason.apply("no incidents[].remediation"));
        List<String> hotfixes = release.hotfixes().stream()
                .map(h -> join(": ", h.id(), h.title())
                        + (h.status() == null ? "" : " (" + h.status() + ")")
                        + (h.notes() == null ? "" : " — " + h.notes()))
                .toList();
        values.markdown(
                "INSERT_HOTFIXES",
                hotfixes.isEmpty() ? null : MarkdownText.bullets(hotfixes, ""),
                reason.apply("no hotfixes"));

        for (Map.Entry<String, String> horizon : Map.of(
                        "immediate",
                        "INSERT_IMMEDIATE_ACTIONS",
                        "short-term",
                        "INSERT_SHORT_TERM_ACTIONS",
                        "long-term",
                        "INSERT_LONG_TERM_ACTIONS")
                .entrySet()) {
            List<String> items = release.actionItems().stream()
                    .filter(a -> a.horizon().equals(horizon.getKey()))
                    .map(a -> a.title()
                            + (a.owner() == null ? "" : " — owner: " + a.owner())
                            + (a.due() == null ? "" : ", due " + a.due()))
                    .toList();
            values.markdown(
                    horizon.getValue(),
                    items.isEmpty() ? null : MarkdownText.bullets(items, ""),
                    reason.apply("no actionItems with horizon " + horizon.getKey()));
        }
        ReleaseFile.Lessons lessons = release.lessons();
        list(
                values,
                "INSERT_WHAT_WENT_WELL",
                lessons == null ? null : lessons.wentWell(),
                reason.apply("lessons.wentWell absent"));
        list(
                values,
                "INSERT_WHAT_COULD_BE_IMPROVED",
                lessons == null ? null : lessons.toImprove(),
                reason.apply("lessons.toImprove absent"));
        list(
                values,
                "INSERT_PROCESS_IMPROVEMENTS",
                lessons == null ? null : lessons.processImprovements(),
                reason.apply("lessons.processImprovements absent"));

        ReleaseFile.Rollback rollback = release.rollback();
        if (rollback != null && rollback.plan() != null && !rollback.plan().isEmpty()) {
            StringBuilder plan = new StringBuilder();
            for (int step = 0; step < rollback.plan().size(); step++) {
                plan.append(step == 0 ? "" : "\n")
                        .append(step + 1)
                        .append(". ")
                        .append(MarkdownText.escape(rollback.plan().get(step)));
            }
            values.markdown("INSERT_ROLLBACK_PLAN", plan.toString(), null);
        } else {
            values.absent("INSERT_ROLLBACK_PLAN", reason.apply("rollback.plan absent"));
        }
        values.text(
                "ROLLBACK_TEST_STATUS",
                rollback == null ? null : rollback.testStatus(),
                reason.apply("rollback.testStatus absent"));
        values.text(
                "ROLLBACK_TIME_ESTIMATE",
                rollback == null || rollback.timeEstimateMinutes() == null
                        ? null
                        : ReportFormat.number(rollback.timeEstimateMinutes(), 1),
                reason.apply("rollback.timeEstimateMinutes absent"));
        values.text(
                "DATA_MIGRATION_REVERSIBLE",
                rollback == null || rollback.dataMigrationReversible() == null
                        ? null
                        : rollback.dataMigrationReversible() ? "Yes" : "No",
                reason.apply("rollback.dataMigrationReversible absent"));

        for (String role :
                List.of("ENG_LEAD", "RELEASE_MANAGER", "QA_LEAD", "DEVOPS_LEAD", "SRE_LEAD", "PM", "VP_ENG")) {
            values.absent(role + "_NAME", reason.apply("signOff." + role + " absent"));
            values.absent(role + "_SIGNATURE", reason.apply("signOff." + role + " absent"));
            values.absent(role + "_DATE", reason.apply("signOff." + role + " absent"));
        }
        for (Map.Entry<String, ReleaseFile.SignOff> entry : release.signOff().entrySet()) {
            String role = entry.getKey().toUpperCase(Locale.ROOT);
            ReleaseFile.SignOff s = entry.getValue();
            values.text(role + "_NAME", s == null ? null : s.name(), reason.apply("signOff." + role + ".name absent"));
            values.text(
                    role + "_SIGNATURE",
                    s == null ? null : s.signature(),
                    reason.apply("signOff." + role + ".signature absent"));
            values.text(role + "_DATE", s == null ? null : s.date(), reason.apply("signOff." + role + ".date absent"));
        }
        for (Map.Entry<String, List<ReleaseFile.Link>> entry : release.links().entrySet()) {
            List<String> links = entry.getValue().stream()
                    .map(l -> MarkdownText.link(l.title(), l.url()))
                    .toList();
            values.markdown(
                    entry.getKey(),
                    links.isEmpty() ? null : MarkdownText.bulletsOfMarkdown(links, ""),
                    reason.apply("links." + entry.getKey() + " is empty"));
        }
    }

    private static void timeline(
            ReportContext context,
            PlaceholderValues values,
            String phase,
            String name,
            Function<String, String> reason) {
        List<ReleaseFile.TimelineEvent> events = context.inputs().release().timeline().stream()
                .filter(e -> e.phase().equals(phase))
                .toList();
        if (events.isEmpty()) {
            values.absent(name, reason.apply("no timeline events with phase " + phase));
            return;
        }
        if (context.tableRows().contains(name)) {
            values.markdown(
                    name,
                    MarkdownText.rows(events.stream()
                            .map(e -> List.of(nz(shown(e.time())), e.event(), nz(e.status()), nz(e.notes())))
                            .toList()),
                    null);
        } else {
            values.markdown(
                    name,
                    MarkdownText.bullets(
                            events.stream()
                                    .map(e -> join(" — ", shown(e.time()), e.event())
                                            + (e.status() == null ? "" : " (" + e.status() + ")")
                                            + (e.notes() == null ? "" : ": " + e.notes()))
                                    .toList(),
                            ""),
                    null);
        }
    }

    private static void list(PlaceholderValues values, String name, List<String> items, String reasonIfEmpty) {
        values.markdown(name, items == null || items.isEmpty() ? null : MarkdownText.bullets(items, ""), reasonIfEmpty);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static String escapeOrNull(String text) {
        return text == null ? null : MarkdownText.escape(text);
    }

    static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }
}
