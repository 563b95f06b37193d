package dev.gaday.kpi.validate.report;

import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.common.model.validation.ValidationResults.Case;
import dev.gaday.kpi.validate.check.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * validation_results.html: one self-contained page (inline CSS, no scripts, no external assets), summary first,
 * then the cases with failures first, each with its evidence; readable printed.
 */
public final class HtmlReport {
    private static final Map<String, Integer> ORDER = Map.of(
            ValidationResults.STATUS_FAILED,
            0,
            ValidationResults.STATUS_ERROR,
            1,
            ValidationResults.STATUS_SKIPPED,
            2,
            ValidationResults.STATUS_PASSED,
            3);

    private HtmlReport() {}

    public static String write(ValidationResults results) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>GA validation results: ")
                .append(escape(results.status()))
                .append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#222;"
                        + "max-width:72em}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}\n")
                .append("table{border-collapse:collapse;width:100%;margin:.5em 0}\n")
                .append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f3f3f3}\n")
                .append(".passed{color:#116611}.failed{color:#b00020;font-weight:bold}.error{color:#b35c00;"
                        + "font-weight:bold}.skipped{color:#666}\n")
                .append(".verdict{font-size:1.3em;padding:.4em .8em;display:inline-block;border:2px solid}\n")
                .append("pre{white-space:pre-wrap;word-break:break-word;background:#f8f8f8;padding:.5em;"
                        + "border:1px solid #ddd;font-size:.85em}\n")
                .append("details{margin:.3em 0}\n")
                .append("@media print{body{margin:0;max-width:none}details{display:block}"
                        + "details>summary{list-style:none}pre{page-break-inside:avoid}a{color:inherit}}\n")
                .append("</style>\n</head>\n<body>\n");
        ValidationResults.Summary summary = results.summary();
        String verdictClass =
                switch (results.status()) {
                    case "PASS" -> "passed";
                    case "FAIL" -> "failed";
                    default -> "error";
                };
        html.append("<h1>GA validation results</h1>\n")
                .append("<p class=\"verdict ")
                .append(verdictClass)
                .append("\">")
                .append(escape(results.status()))
                .append(" (exit ")
                .append(results.exitCode())
                .append(")</p>\n")
                .append("<p>Window ")
                .append(escape(String.valueOf(results.window().start())))
                .append(" to ")
                .append(escape(String.valueOf(results.window().end())))
                .append("; Prometheus ")
                .append(escape(
                        results.prometheusUrl() == null ? "-" : JUnitXml.withoutCredentials(results.prometheusUrl())))
                .append("; GA mode ")
                .append(results.gaMode() ? "on" : "off")
                .append("; kpi-collector ")
                .append(escape(results.toolVersion()))
                .append("; generated ")
                .append(escape(String.valueOf(results.generatedAt())))
                .append("</p>\n");
        html.append("<h2>Summary</h2>\n<table>\n<tr><th>Total</th><th>Passed</th><th>Failed</th><th>Errors</th>"
                        + "<th>Skipped</th></tr>\n<tr><td>")
                .append(summary.total())
                .append("</td><td class=\"passed\">")
                .append(summary.passed())
                .append("</td><td class=\"failed\">")
                .append(summary.failed())
                .append("</td><td class=\"error\">")
                .append(summary.errors())
                .append("</td><td class=\"skipped\">")
                .append(summary.skipped())
                .append("</td></tr>\n</table>\n");
        if (!results.critical().isEmpty()) {
            html.append("<p>Critical checks not passed: <b>")
                    .append(escape(String.join(", ", results.critical())))
                    .append("</b></p>\n");
        }
        html.append("<h2>By category</h2>\n<table>\n<tr><th>Category</th><th>Total</th><th>Passed</th>"
                + "<th>Failed</th><th>Errors</th><th>Skipped</th></tr>\n");
        for (ValidationResults.Category category : results.categories()) {
            html.append("<tr><td>")
                    .append(escape(category.name()))
                    .append("</td><td>")
                    .append(category.total())
                    .append("</td><td>")
                    .append(category.passed())
                    .append("</td><td>")
                    .append(category.failed())
                    .append("</td><td>")
                    .append(category.errors())
                    .append("</td><td>")
                    .append(category.skipped())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Checks</h2>\n<table>\n<tr><th>Status</th><th>Check</th><th>Category</th>"
                + "<th>Severity</th><th>Observed</th><th>Threshold</th><th>Verdict / reason</th></tr>\n");
        List<Case> ordered = new ArrayList<>(results.cases());
        ordered.sort(Comparator.comparing((Case c) -> ORDER.getOrDefault(c.status(), 9)));
        for (Case one : ordered) {
            html.append("<tr><td class=\"")
                    .append(one.status())
                    .append("\">")
                    .append(one.status().toUpperCase(java.util.Locale.ROOT))
                    .append("</td><td><a href=\"#")
                    .append(anchor(one.name()))
                    .append("\">")
                    .append(escape(one.name()))
                    .append("</a></td><td>")
                    .append(escape(one.category()))
                    .append("</td><td>")
                    .append(escape(one.severity()))
                    .append("</td><td>")
                    .append(escape(Values.format(one.observed())))
                    .append("</td><td>")
                    .append(
                            one.comparator() == null
                                    ? "-"
                                    : escape(one.comparator() + " " + Values.format(one.threshold())
                                            + (one.unit() == null ? "" : " " + one.unit())))
                    .append("</td><td>")
                    .append(escape(one.reason()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Evidence</h2>\n");
        for (Case one : ordered) {
            html.append("<details")
                    .append(ValidationResults.STATUS_PASSED.equals(one.status()) ? "" : " open")
                    .append(" id=\"")
                    .append(anchor(one.name()))
                    .append("\"><summary><span class=\"")
                    .append(one.status())
                    .append("\">")
                    .append(one.status().toUpperCase(java.util.Locale.ROOT))
                    .append("</span> ")
                    .append(escape(one.name()))
                    .append(" (")
                    .append(one.durationMs())
                    .append(" ms)</summary>\n<pre>")
                    .append(escape(one.evidence() == null ? "(no evidence)" : one.evidence()))
                    .append("</pre></details>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    static String anchor(String name) {
        return "check-" + Integer.toHexString(name.hashCode()) + "-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = JUnitXml.clean(text);
        StringBuilder out = new StringBuilder(cleaned.length() + 16);
        for (int i = 0; i < cleaned.length(); i++) {
            char c = cleaned.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
