package dev.gaday.cert.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence list of the appendix, by group: files that differ only in a number become one line
 * ("artifacts/snapshot_0001.json … snapshot_0288.json — 288 files, 5-minute KPI snapshots").
 */
final class EvidenceGroups {
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)(\\.[A-Za-z0-9.]+)$");
    private static final Map<String, String> KNOWN = Map.of(
            "snapshot_", "5-minute KPI snapshots",
            "slo_status_", "live SLO status ticks",
            "drift_snapshot_", "live drift snapshots");

    private EvidenceGroups() {}

    static List<String> describe(List<String> paths) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String path : paths) {
            Matcher m = NUMBERED.matcher(path);
            String key = m.matches() ? m.group(1) + "#" + m.group(3) : path;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(path);
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            List<String> files = group.getValue();
            if (files.size() < 3) {
                files.forEach(f -> lines.add(f + " (in this package)"));
                continue;
            }
            String first = files.get(0);
            String last = files.get(files.size() - 1);
            String lastName = last.substring(last.lastIndexOf('/') + 1);
            String name = first.substring(first.lastIndexOf('/') + 1);
            String what = KNOWN.entrySet().stream()
                    .filter(e -> name.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse("numbered files");
            lines.add(first + " … " + lastName + " — " + String.format("%,d", files.size()) + " files, " + what);
        }
        return lines;
    }
}
