package dev.gaday.common.cli;

import dev.gaday.common.json.Json;
import dev.gaday.common.secret.Secrets;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.verdict.Status;
import dev.gaday.common.verdict.StatusMarks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The end of every run, the same for every tool: on stdout the human summary (the verdict, then one line per
 * finding, worst first, at most {@value #MAX_LINES}, then where the files are) or, with {@code --format json},
 * the {@link RunReport} as JSON; in GitHub Actions also a Markdown job summary appended to
 * {@code $GITHUB_STEP_SUMMARY} and one {@code ::error}/{@code ::warning} annotation per finding (on stderr,
 * which the runner reads as it reads stdout, so that stdout stays pure JSON); in GitLab CI the same Markdown
 * appended to {@code $GADAY_SUMMARY_FILE} (default {@value #GITLAB_SUMMARY_FILE}) for the job to publish.
 */
public final class RunOutput {
    public static final int MAX_LINES = 10;
    public static final String GITLAB_SUMMARY_FILE = "gaday-summary.md";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final TerminalFacts terminal;
    private final UnaryOperator<String> environment;
    private final Diagnostics diagnostics;

    public RunOutput(
            PrintWriter out,
            PrintWriter err,
            boolean json,
            TerminalFacts terminal,
            UnaryOperator<String> environment,
            Diagnostics diagnostics) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.terminal = terminal;
        this.environment = environment;
        this.diagnostics = diagnostics;
    }

    /** Prints the report on stdout and hands it to the CI the run is in, if any. */
    public void print(RunReport report) {
        if (json) {
            out.print(Secrets.redact(Json.write(report)));
        } else {
            for (String line : humanLines(report, StatusMarks.forStandardOutput(), terminal.colour())) {
                out.println(Secrets.redact(line));
            }
        }
        out.flush();
        ci(report);
    }

    private void ci(RunReport report) {
        if ("true".equals(environment.apply("GITHUB_ACTIONS"))) {
            for (String line : annotations(report)) {
                err.println(Secrets.redact(line));
            }
            err.flush();
            String summaryFile = environment.apply("GITHUB_STEP_SUMMARY");
            if (summaryFile != null && !summaryFile.isBlank()) {
                append(Path.of(summaryFile), markdown(report));
            }
        }
        String gitlab = environment.apply("GITLAB_CI");
        if (gitlab != null && !gitlab.isBlank()) {
            String file = environment.apply("GADAY_SUMMARY_FILE");
            append(Path.of(file == null || file.isBlank() ? GITLAB_SUMMARY_FILE : file), markdown(report));
        }
    }

    private void append(Path file, String markdown) {
        try {
            Files.writeString(
                    file,
                    Secrets.redact(markdown),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            // The CI summary is a courtesy: its failure never changes the verdict or the exit code.
            diagnostics.warn("cannot append the job summary to " + file + ": " + e.getMessage());
        }
    }

    /** The human summary: verdict line, findings (worst first, at most ten), files. */
    public static List<String> humanLines(RunReport report, StatusMarks marks, boolean colour) {
        List<String> lines = new ArrayList<>();
        Status status =
                switch (report.verdict()) {
                    case "PASS" -> Status.PASS;
                    case "WARN" -> Status.WARN;
                    case "FAIL" -> Status.FAIL;
                    default -> Status.NO_DATA;
                };
        String verdict = paint(marks.mark(status, report.verdict()), status, colour);
        lines.add(report.tool() + ": " + verdict + (report.partial() ? " (partial)" : "")
                + (report.headline() == null || report.headline().isBlank() ? "" : " - " + report.headline()));
        List<Finding> findings = report.findings();
        for (int i = 0; i < Math.min(MAX_LINES, findings.size()); i++) {
            Finding finding = findings.get(i);
            String word = finding.severity() == Status.NO_DATA
                    ? "NO DATA"
                    : finding.severity().name();
            lines.add("  " + paint(marks.mark(finding.severity(), word), finding.severity(), colour) + "  "
                    + finding.describe());
        }
        if (findings.size() > MAX_LINES) {
            lines.add("  ... and " + (findings.size() - MAX_LINES) + " more in the files");
        }
        if (!report.outputFiles().isEmpty()) {
            lines.add("  files: " + String.join(", ", report.outputFiles()));
        }
        return lines;
    }

    /** The GitHub workflow commands: one per finding, FAIL as an error, NO_DATA and WARN as warnings. */
    public static List<String> annotations(RunReport report) {
        List<String> lines = new ArrayList<>();
        for (Finding finding : report.findings()) {
            String command = finding.severity() == Status.FAIL ? "error" : "warning";
            String title = report.tool() + ": " + finding.criterion()
                    + (finding.where() == null || finding.where().isBlank() ? "" : " (" + finding.where() + ")");
            lines.add("::" + command + " title=" + escapeProperty(title) + "::" + escapeData(finding.describe()));
        }
        if (report.findings().isEmpty() && !report.verdict().equals("PASS")) {
            lines.add("::error title=" + escapeProperty(report.tool() + ": " + report.verdict()) + "::"
                    + escapeData(report.headline() == null ? report.verdict() : report.headline()));
        }
        return lines;
    }

    /** The Markdown job summary: a heading with the verdict, the headline, a table of findings, the files. */
    public static String markdown(RunReport report) {
        StringBuilder md = new StringBuilder();
        md.append("### ")
                .append(MarkdownText.escape(report.tool()))
                .append(": ")
                .append(report.verdict())
                .append(report.partial() ? " (partial)" : "")
                .append(" (exit ")
                .append(report.exitCode())
                .append(")\n\n");
        if (report.headline() != null && !report.headline().isBlank()) {
            md.append(MarkdownText.escape(MarkdownText.singleLine(report.headline())))
                    .append("\n\n");
        }
        if (!report.findings().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Finding f : report.findings()) {
                rows.add(java.util.Arrays.asList(
                        f.severity().name(),
                        f.criterion(),
                        f.where(),
                        f.observed() == null ? "no data" : f.observed(),
                        f.threshold(),
                        f.detail()));
            }
            md.append("| Status | Criterion | Where | Observed | Threshold | Detail |\n");
            md.append("| --- | --- | --- | --- | --- | --- |\n");
            md.append(MarkdownText.rows(rows)).append("\n\n");
        }
        if (!report.outputFiles().isEmpty()) {
            md.append("Files:\n\n")
                    .append(MarkdownText.bullets(report.outputFiles(), ""))
                    .append("\n\n");
        }
        return md.toString();
    }

    private static String paint(String text, Status status, boolean colour) {
        if (!colour) {
            return text;
        }
        String code =
                switch (status) {
                    case PASS -> GREEN;
                    case FAIL -> RED;
                    case WARN, NO_DATA -> YELLOW;
                };
        return code + text + RESET;
    }

    /** Workflow command data: %, CR and LF escaped as the runner expects. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Workflow command property values: also ':' and ','. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
