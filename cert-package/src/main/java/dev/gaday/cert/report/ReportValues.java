package dev.gaday.cert.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gaday.cert.chart.KpiChart;
import dev.gaday.cert.chart.ReportCharts;
import dev.gaday.cert.input.InputFiles;
import dev.gaday.cert.input.InputKind;
import dev.gaday.cert.input.ReleaseFile;
import dev.gaday.common.text.MarkdownText;
import dev.gaday.common.text.ReportFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the text of every placeholder the toolkit knows (docs/placeholders.md lists each one with
 * its source). Sources, weakest first: the default bindings for inputs whose tool does not exist yet,
 * the toolkit's bindings of the tools' scalar fields (toolkit-bindings.yaml), the values computed
 * from several fields (general here; {@link KpiValues}, {@link WebSocketValues}, {@link ReleaseValues},
 * {@link CertificationValues}), the release file's {@code values:}, and last the user's
 * {@code bindings:}.
 */
public final class ReportValues {
    static final String NOT_MEASURED =
            "not measured by the toolkit: give it in the release file (values.%s)" + " or bind it (bindings.%s)";

    private ReportValues() {}

    /** @param placeholders the template's placeholders: each one without a source gets a reason */
    public static PlaceholderValues build(ReportContext context, Set<String> placeholders) {
        PlaceholderValues values = new PlaceholderValues();
        for (String name : placeholders) {
            values.absent(name, String.format(NOT_MEASURED, name, name));
        }
        Map<String, String> defaults = Bindings.defaults();
        Map<String, String> toolkit = Bindings.toolkit();
        Bindings.apply(defaults, context, values, Bindings.Origin.DEFAULT);
        Bindings.apply(toolkit, context, values, Bindings.Origin.TOOLKIT);
        general(context, values);
        KpiValues.fill(context, values);
        WebSocketValues.fill(context, values);
        ReleaseValues.fill(context, values);
        CertificationValues.fill(context, values);
        ToolResultValues.fill(context, values);
        CanaryValues.fill(context, values);
        releaseValues(context, values);
        Bindings.apply(context.inputs().release().bindings(), context, values, Bindings.Origin.USER);
        // Last: a KPI summary's gap in a field that another source filled is left out.
        KpiValues.dataGaps(
                context,
                values,
                Bindings.pathsFilledElsewhere(
                        InputFiles.KPI_SUMMARY,
                        values,
                        defaults,
                        toolkit,
                        context.inputs().release().bindings()));
        return values;
    }

    private static void general(ReportContext context, PlaceholderValues values) {
        values.text("GENERATION_TIMESTAMP", ReportFormat.timestamp(context.generatedAt()), "no generation time");
        String noWindow = "no GA window: give --ga-start and --ga-end, or a " + InputFiles.KPI_SUMMARY;
        if (context.gaStart() != null && context.gaEnd() != null) {
            values.text("GA_START_TIME", ReportFormat.timestamp(context.gaStart()), null);
            values.text("GA_END_TIME", ReportFormat.timestamp(context.gaEnd()), null);
            double hours = Duration.between(context.gaStart(), context.gaEnd()).toSeconds() / 3600.0;
            values.text("GA_DURATION_HOURS", ReportFormat.number(hours, 2), null);
        } else {
            for (String name : List.of("GA_START_TIME", "GA_END_TIME", "GA_DURATION_HOURS")) {
                values.absent(name, noWindow);
            }
        }
        ReleaseFile release = context.inputs().release();
        String noRelease =
                context.inputs().files().get(InputKind.RELEASE.key()).isPresent() ? null : ReleaseValues.NO_RELEASE;
        values.text("RELEASE_VERSION", release.version(), orElse(noRelease, "release file: version absent"));
        values.text(
                "RELEASE_NAME",
                release.name() != null ? release.name() : release.version(),
                orElse(noRelease, "release file: name absent"));
        String runId = release.pipelineRunId();
        for (String variable : List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_ID")) {
            if (runId == null && context.environment().get(variable) != null) {
                runId = context.environment().get(variable);
            }
        }
        values.text(
                "PIPELINE_RUN_ID",
                runId,
                "release file: pipelineRunId absent, and no GITHUB_RUN_ID, CI_PIPELINE_ID or BUILD_ID set");
        if (context.archiveName() != null) {
            values.text(
                    "ARTIFACT_LOCATION",
                    release.artifactLocation() != null ? release.artifactLocation() : context.archiveName(),
                    null);
            values.text(
                    "ARTIFACT_SHA256",
                    "in " + context.archiveName()
                            + ".sha256 beside the archive (an archive cannot contain its own hash)",
                    null);
        } else {
            values.absent("ARTIFACT_LOCATION", "--certify-only: no archive is written");
            values.absent("ARTIFACT_SHA256", "--certify-only: no archive is written");
        }
        List<String> images = new ArrayList<>();
        context.charts().forEach((chart, title) -> {
            if (ReportCharts.kpi(chart)) {
                images.add(image(chart, title));
            }
        });
        if (!images.isEmpty()) {
            values.markdown("INSERT_KPI_CHARTS", String.join("\n\n", images), null);
        } else {
            values.absent("INSERT_KPI_CHARTS", "no KPI snapshots (snapshot_NNNN.json) to draw charts from");
        }
        if (!context.artifacts().isEmpty()) {
            values.markdown(
                    "INSERT_BENCHMARK_DATA",
                    MarkdownText.bullets(EvidenceGroups.describe(context.artifacts()), ""),
                    null);
        } else {
            values.absent("INSERT_BENCHMARK_DATA", "no artifacts included (--include-artifacts) and no links");
        }
        if (context.inputs().files().get(InputFiles.VALIDATION_HTML).isPresent()) {
            values.text("INSERT_DETAILED_TEST_RESULTS_LINK", InputFiles.VALIDATION_HTML + " (in this package)", null);
        } else {
            values.absent("INSERT_DETAILED_TEST_RESULTS_LINK", "no input file " + InputFiles.VALIDATION_HTML);
        }
    }

    /** The release file's {@code values:}: any placeholder, given by hand. */
    private static void releaseValues(ReportContext context, PlaceholderValues values) {
        for (Map.Entry<String, JsonNode> entry :
                context.inputs().release().values().entrySet()) {
            String name = entry.getKey();
            values.markdown(
                    name,
                    NodeMarkdown.render(
                            entry.getValue(),
                            name.startsWith("INSERT_"),
                            context.tableRows().contains(name)),
                    "release file: values." + name + " is empty");
        }
    }

    /** A figure as the Markdown shows it: an image of charts/NAME.svg with its caption. */
    static String image(String chart, String title) {
        return "![" + MarkdownText.escape(title) + "](" + KpiChart.file(chart) + ")";
    }

    private static String orElse(String first, String second) {
        return first != null ? first : second;
    }
}
