package dev.gaday.cert.report;

import dev.gaday.cert.input.InputFiles;
import dev.gaday.common.template.TemplateFiller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collapses the template's sections that no input fills to one line saying what would fill them
 * ("Not measured: run drift-detector and pass its drift_analysis.json with --inputs."), so that the report
 * does not read N/A page after page. A section is a heading and its text up to the next heading; it
 * collapses when it has placeholders and none of them has a value. A level-2 section whose subsections
 * all collapse (and whose own text has no value either) becomes one line too. Applied to the template
 * before filling; the unfilled-placeholder list is computed from the template as written.
 */
public final class EmptySections {
    private static final Pattern HEADING = Pattern.compile("^(#{2,4}) \\S.*$");
    /** A line that is one placeholder and nothing else (the filler's syntax: "{{NAME}}", "{{ NAME }}"). */
    private static final Pattern LONE_PLACEHOLDER =
            Pattern.compile("\\s*" + TemplateFiller.PLACEHOLDER.pattern() + "\\s*");
    /** "- **Label:** ..." (the colon inside or after the bold), the label in group 1. */
    private static final Pattern LABELLED_BULLET = Pattern.compile("\\s*[-*+] \\*\\*([^*]+?):?\\*\\*:?\\s.*");

    /** ReleaseValues' reason for a part the release file lacks ("release file: signOff.QA_LEAD absent"). */
    private static final Pattern RELEASE_PART_ABSENT = Pattern.compile("release file: (\\S+) absent");

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+\\.) ");
    /** Input file to what writes it, for the one line. */
    private static final Map<String, String> WRITERS = Map.of(
            InputFiles.KPI_SUMMARY, "kpi-collector collect",
            InputFiles.WS_HEALTH, "ws-health",
            InputFiles.DRIFT_ANALYSIS, "drift-detector",
            InputFiles.SLO_STATUS, "slo-monitor",
            InputFiles.VALIDATION_JSON, "kpi-collector validate",
            InputFiles.VALIDATION_HTML, "kpi-collector validate");

    private EmptySections() {}

    private record Section(int level, String heading, List<String> body, Set<String> placeholders, boolean filled) {
        boolean empty() {
            return !placeholders.isEmpty() && !filled;
        }
    }

    public static String collapse(String template, PlaceholderValues values) {
        List<String> preamble = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        String heading = null;
        int level = 0;
        List<String> body = new ArrayList<>();
        for (String line : template.split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                if (heading == null) {
                    preamble.addAll(body);
                } else {
                    sections.add(section(level, heading, body, values));
                }
                heading = line;
                level = m.group(1).length();
                body = new ArrayList<>();
            } else {
                body.add(line);
            }
        }
        if (heading == null) {
            return template;
        }
        sections.add(section(level, heading, body, values));
        StringBuilder out = new StringBuilder(String.join("\n", preamble));
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.level() == 2) {
                int end = i + 1;
                while (end < sections.size() && sections.get(end).level() > 2) {
                    end++;
                }
                List<Section> group = sections.subList(i, end);
                boolean anyPlaceholder =
                        group.stream().anyMatch(g -> !g.placeholders().isEmpty());
                boolean anyFilled = group.stream().anyMatch(Section::filled);
                boolean ownTextOnly =
                        group.stream().allMatch(g -> !g.placeholders().isEmpty() || blank(g.body()));
                if (anyPlaceholder && !anyFilled && ownTextOnly && group.size() > 1) {
                    Set<String> names = new LinkedHashSet<>();
                    group.forEach(g -> names.addAll(g.placeholders()));
                    append(out, s.heading(), oneLine(names, values));
                    i = end - 1;
                    continue;
                }
            }
            if (s.empty()) {
                append(out, s.heading(), oneLine(s.placeholders(), values));
            } else {
                out.append(out.length() == 0 ? "" : "\n")
                        .append(s.heading())
                        .append('\n')
                        .append(String.join("\n", withHints(s.body(), values)));
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String heading, String line) {
        out.append(out.length() == 0 ? "" : "\n")
                .append(heading)
                .append("\n\n")
                .append(line)
                .append("\n");
    }

    private static Section section(int level, String heading, List<String> body, PlaceholderValues values) {
        Set<String> names = new LinkedHashSet<>();
        boolean filled = false;
        for (String line : body) {
            Matcher m = TemplateFiller.PLACEHOLDER.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
                filled |= values.has(m.group(1));
            }
        }
        return new Section(level, heading, List.copyOf(body), names, filled);
    }

    /**
     * A section that stays keeps its text, but what no input fills says so once instead of reading N/A: a line
     * that is only an unfilled placeholder (a block such as {@code {{INSERT_CUSTOMER_IMPACT}}} beside measured
     * lines) becomes the line saying what would fill it; the labelled bullets of a list whose placeholders all
     * lack a value ("- **Canary Start:** {{CANARY_START_TIME}}") leave the list and are named in one line after
     * it. Hint lines are set off by blank lines so that Markdown does not join them to a list item.
     */
    private static List<String> withHints(List<String> body, PlaceholderValues values) {
        List<String> out = new ArrayList<>(body.size());
        List<String> labels = new ArrayList<>();
        Set<String> unfilled = new LinkedHashSet<>();
        for (String line : body) {
            Matcher bullet = LABELLED_BULLET.matcher(line);
            if (bullet.matches() && allUnfilled(line, values)) {
                labels.add(bullet.group(1).strip());
                unfilled.addAll(TemplateFiller.placeholders(line));
                continue;
            }
            if (!labels.isEmpty() && !LIST_ITEM.matcher(line).find()) {
                addBulletsHint(out, labels, unfilled, values);
                if (!line.isBlank()) {
                    out.add("");
                }
                labels.clear();
                unfilled.clear();
            }
            Matcher lone = LONE_PLACEHOLDER.matcher(line);
            if (lone.matches() && !values.has(lone.group(1))) {
                addHint(out, strip(oneLine(Set.of(lone.group(1)), values)));
            } else {
                out.add(line);
            }
        }
        if (!labels.isEmpty()) {
            addBulletsHint(out, labels, unfilled, values);
        }
        return out;
    }

    /** "*Canary Start, Error Rate — not measured: …*": the bullets that left their list, and what would fill them. */
    private static void addBulletsHint(
            List<String> out, List<String> labels, Set<String> unfilled, PlaceholderValues values) {
        addHint(out, String.join(", ", labels) + " — " + lowerFirst(strip(oneLine(unfilled, values))));
    }

    private static void addHint(List<String> out, String text) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
            out.add("");
        }
        out.add("*" + text + "*");
    }

    private static boolean allUnfilled(String line, PlaceholderValues values) {
        Set<String> names = TemplateFiller.placeholders(line);
        return !names.isEmpty() && names.stream().noneMatch(values::has);
    }

    private static String strip(String italicLine) {
        return italicLine.substring(1, italicLine.length() - 1);
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean blank(List<String> lines) {
        return lines.stream().allMatch(line -> line.isBlank() || line.strip().equals("---"));
    }

    /** A reason a tool's file gives (e.g. a compare run where a canary run was needed), not a release file's. */
    private static boolean toolReason(String reason) {
        return reason != null
                && !reason.startsWith("not measured by the toolkit")
                && !reason.startsWith("release file")
                && !reason.startsWith(ReleaseValues.NO_RELEASE)
                && !reason.startsWith("binding ")
                && !reason.startsWith("default binding ");
    }

    /**
     * What would fill the placeholders: the tools whose files are missing; else the one reason a tool's file gives
     * for all of them; else the release file.
     */
    static String oneLine(Set<String> names, PlaceholderValues values) {
        Set<String> files = new LinkedHashSet<>();
        for (String name : names) {
            String reason = values.reasons().get(name);
            if (reason == null) {
                continue;
            }
            for (String file : WRITERS.keySet()) {
                if (reason.contains("no input file " + file) || reason.contains("no " + file)) {
                    files.add(file);
                }
            }
        }
        if (names.stream().map(values.reasons()::get).anyMatch(r -> r != null && r.contains("--include-artifacts"))) {
            return "*Not included: run with --include-artifacts to package the KPI snapshots and the tools' side "
                    + "files.*";
        }
        Set<String> reasons = new LinkedHashSet<>();
        names.forEach(name -> reasons.add(values.reasons().get(name)));
        if (files.isEmpty()
                && reasons.size() == 1
                && toolReason(reasons.iterator().next())) {
            return "*Not measured: " + reasons.iterator().next() + ".*";
        }
        Set<String> releaseParts = new LinkedHashSet<>();
        for (String reason : reasons) {
            Matcher part = reason == null ? null : RELEASE_PART_ABSENT.matcher(reason);
            if (part != null && part.matches()) {
                releaseParts.add(part.group(1));
            }
        }
        if (files.isEmpty() && !releaseParts.isEmpty() && releaseParts.size() == reasons.size()) {
            return "*Not given in the release file: " + String.join(", ", releaseParts) + ".*";
        }
        if (!files.isEmpty()) {
            List<String> parts = new ArrayList<>();
            Set<String> writers = new LinkedHashSet<>();
            for (String file : files) {
                writers.add(WRITERS.get(file));
            }
            for (String writer : writers) {
                List<String> its = files.stream()
                        .filter(f -> WRITERS.get(f).equals(writer))
                        .toList();
                parts.add("run " + writer + " and pass its " + String.join(" and ", its));
            }
            return "*Not measured: " + String.join("; ", parts) + " with --inputs.*";
        }
        return "*Not given: the toolkit does not measure this; give it in the release file (values: or bindings: "
                + "for " + String.join(", ", names.stream().limit(4).toList()) + (names.size() > 4 ? ", …" : "")
                + ") or run with --keep-empty-sections to keep the template's text.*";
    }
}
