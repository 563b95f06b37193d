package dev.gaday.common.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The structural check of docs/schema/run-summary.md, for every tool's tests: exactly the documented keys, each of
 * its documented type, the verdict one of the documented words and consistent with the exit code.
 */
public final class RunSummarySchema {
    static final Set<String> TOP = Set.of(
            "schemaVersion", "kind", "tool", "verdict", "exitCode", "partial", "headline", "findings", "outputFiles");
    static final Set<String> FINDING =
            Set.of("severity", "criterion", "where", "observed", "threshold", "detail", "miss");
    static final Map<String, Integer> EXIT_OF_VERDICT = Map.of("PASS", 0, "WARN", 0, "FAIL", 1, "INCONCLUSIVE", 3);

    private RunSummarySchema() {}

    /** Parses stdout as one JSON object and checks it; returns it. */
    public static JsonNode parse(String stdout) {
        try {
            JsonNode node = Json.mapper().readTree(stdout);
            check(node);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("stdout is not one JSON object: " + stdout, e);
        }
    }

    /** Parses stdout, checks it, and reads it back as the record (for tests without Jackson types of their own). */
    public static RunReport report(String stdout) {
        JsonNode node = parse(stdout);
        try {
            return Json.mapper().treeToValue(node, RunReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the run summary does not read back as a RunReport: " + stdout, e);
        }
    }

    public static void check(JsonNode node) {
        List<String> problems = new ArrayList<>();
        keys(node, TOP, "", problems);
        expect(
                node.path("schemaVersion").isInt() && node.get("schemaVersion").asInt() == 1,
                "schemaVersion 1",
                problems);
        expect("run-summary".equals(node.path("kind").asText(null)), "kind run-summary", problems);
        expect(node.path("tool").isTextual() && !node.get("tool").asText().isBlank(), "tool a name", problems);
        String verdict = node.path("verdict").asText("");
        expect(RunReport.VERDICTS.contains(verdict), "verdict one of " + RunReport.VERDICTS, problems);
        expect(node.path("exitCode").isInt(), "exitCode an integer", problems);
        int exit = node.path("exitCode").asInt(-1);
        if (verdict.equals("ERROR")) {
            expect(exit == 2 || exit == 4, "ERROR with exit 2 or 4", problems);
        } else if (EXIT_OF_VERDICT.containsKey(verdict)) {
            expect(
                    EXIT_OF_VERDICT.get(verdict) == exit,
                    verdict + " with exit " + EXIT_OF_VERDICT.get(verdict),
                    problems);
        }
        expect(node.path("partial").isBoolean(), "partial a boolean", problems);
        expect(
                node.path("headline").isTextual() || node.path("headline").isNull(),
                "headline a string or null",
                problems);
        expect(node.path("findings").isArray(), "findings an array", problems);
        int i = 0;
        for (JsonNode finding : node.path("findings")) {
            String at = "findings[" + i++ + "].";
            keys(finding, FINDING, at, problems);
            expect(
                    Set.of("FAIL", "NO_DATA", "WARN")
                            .contains(finding.path("severity").asText()),
                    at + "severity FAIL, NO_DATA or WARN",
                    problems);
            expect(finding.path("criterion").isTextual(), at + "criterion a string", problems);
            for (String key : List.of("where", "observed", "threshold", "detail")) {
                expect(
                        finding.path(key).isTextual() || finding.path(key).isNull(),
                        at + key + " string or null",
                        problems);
            }
            expect(finding.path("miss").isNumber() && finding.get("miss").asDouble() >= 0, at + "miss >= 0", problems);
        }
        if (verdict.equals("PASS")) {
            expect(node.path("findings").isEmpty(), "PASS without findings", problems);
        }
        expect(node.path("outputFiles").isArray(), "outputFiles an array", problems);
        for (JsonNode file : node.path("outputFiles")) {
            expect(file.isTextual(), "outputFiles[] strings", problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("run summary does not follow docs/schema/run-summary.md: " + problems + "\n"
                    + node.toPrettyString());
        }
    }

    private static void keys(JsonNode node, Set<String> expected, String at, List<String> problems) {
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            actual.add(names.next());
        }
        if (!actual.equals(new TreeSet<>(expected))) {
            problems.add(at + "keys " + actual + " instead of " + new TreeSet<>(expected));
        }
    }

    private static void expect(boolean condition, String what, List<String> problems) {
        if (!condition) {
            problems.add(what);
        }
    }
}
