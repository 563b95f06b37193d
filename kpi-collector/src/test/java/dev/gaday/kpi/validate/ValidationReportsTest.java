package dev.gaday.kpi.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.error.ExitCode;
import dev.gaday.common.json.Json;
import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.common.prometheus.PrometheusException;
import dev.gaday.common.verdict.Comparator;
import dev.gaday.kpi.validate.check.Check;
import dev.gaday.kpi.validate.check.CheckContext;
import dev.gaday.kpi.validate.check.CheckFailure;
import dev.gaday.kpi.validate.check.CheckResult;
import dev.gaday.kpi.validate.check.CheckRunner;
import dev.gaday.kpi.validate.check.Outcome;
import dev.gaday.kpi.validate.check.Severity;
import dev.gaday.kpi.validate.report.HtmlReport;
import dev.gaday.kpi.validate.report.JUnitXml;
import dev.gaday.kpi.validate.report.ResultsAssembler;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three outputs of one run with every status: JUnit XML against the XSD and by DOM, HTML order, JSON. */
class ValidationReportsTest {
    static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-06-02T00:00:00Z");
    static final String WEIRD = "load <p95> & \u0001bell\u0007 check";

    static List<CheckResult> run(List<Check> checks) {
        CheckContext context = new CheckContext(START, END, null, List.of(), Map.of(), null, null);
        List<CheckResult> results = new ArrayList<>();
        new CheckRunner(context, results::add).run(checks);
        return results;
    }

    static Check check(String name, String category, Severity severity, Outcome outcome) {
        return new Check(name, category, severity, "promql", "", Comparator.LESS, 2.0, "s", (c, ctx) -> outcome);
    }

    static List<Check> everyStatus() {
        return List.of(
                check("ga.ok", "performance", Severity.CRITICAL, Outcome.verdict(true, 1.5, "fine", "query: up")),
                check(
                        WEIRD,
                        "load",
                        Severity.CRITICAL,
                        Outcome.verdict(
                                false,
                                2.5,
                                "p95 2.5 s <> 2 s & more\nline 2",
                                "query: histogram_quantile(0.95, x) < 2 & y")),
                check("other.warn", "load", Severity.WARNING, Outcome.verdict(false, 3.0, "slow", null)),
                new Check(
                        "ga.broken",
                        "reliability",
                        Severity.CRITICAL,
                        "promql",
                        "",
                        Comparator.LESS,
                        1.0,
                        null,
                        (c, ctx) -> {
                            throw new PrometheusException(
                                    PrometheusException.Kind.UNREACHABLE,
                                    "GET /api/v1/query",
                                    0,
                                    null,
                                    "connection refused",
                                    null);
                        }),
                new Check(
                        "ga.empty",
                        "reliability",
                        Severity.CRITICAL,
                        "promql",
                        "",
                        Comparator.LESS,
                        1.0,
                        null,
                        (c, ctx) -> {
                            throw CheckFailure.noData("no series", "query: nothing");
                        }),
                check("ga.unconfigured", "performance", Severity.CRITICAL, Outcome.skipped("no dashboard URL")));
    }

    @Test
    void junitXmlValidatesAgainstTheSchemaAndCountsCases() throws Exception {
        ValidationResults results = ResultsAssembler.assemble(
                run(everyStatus()),
                START,
                END,
                "http://prometheus.example:9090/prom",
                true,
                Instant.parse("2026-06-02T00:05:00.123Z"));
        String xml = JUnitXml.write(results);

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("junit.xsd"))
                .newValidator()
                .validate(new StreamSource(new StringReader(xml)));

        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("6", root.getAttribute("tests"));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("2", root.getAttribute("errors"));
        assertEquals("1", root.getAttribute("skipped"));
        assertEquals("2026-06-02T00:05:00Z", root.getAttribute("timestamp"));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength(), "one suite per category");
        Element load = null;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            assertEquals("2026-06-02T00:05:00Z", suite.getAttribute("timestamp"));
            if (suite.getAttribute("name").equals("load")) {
                load = suite;
            }
        }
        assertEquals("2", load.getAttribute("tests"));
        assertEquals("2", load.getAttribute("failures"));
        // Exactly one failure element per failed case.
        assertEquals(2, doc.getElementsByTagName("failure").getLength());
        assertEquals(2, doc.getElementsByTagName("error").getLength());
        assertEquals(1, doc.getElementsByTagName("skipped").getLength());

        Element weird = null;
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getAttribute("name").startsWith("load <p95>")) {
                weird = testcase;
            }
        }
        assertEquals("load <p95> & bell check", weird.getAttribute("name"), "< and & survive, control characters go");
        assertEquals("validate.load", weird.getAttribute("classname"));
        Element failure = (Element) weird.getElementsByTagName("failure").item(0);
        assertEquals("p95 2.5 s <> 2 s & more line 2", failure.getAttribute("message"));
        assertEquals("load <p95> & bell check", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("query: histogram_quantile(0.95, x) < 2 & y"));
        assertTrue(failure.getTextContent().contains("observed: 2.5, threshold: < 2.0 s"));

        Map<String, String> properties = new java.util.HashMap<>();
        NodeList props = ((Element) suites.item(0)).getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            properties.put(p.getAttribute("name"), p.getAttribute("value"));
        }
        assertEquals("2026-06-01T00:00:00Z", properties.get("ga.window.start"));
        assertEquals("2026-06-02T00:00:00Z", properties.get("ga.window.end"));
        assertEquals("http://prometheus.example:9090/prom", properties.get("prometheus.url"));
        assertTrue(properties.containsKey("tool.version"));
    }

    @Test
    void credentialsInTheUrlNeverReachTheXml() {
        ValidationResults results = ResultsAssembler.assemble(
                run(everyStatus().subList(0, 1)),
                START,
                END,
                "https://user:hunter2@prometheus.example/api?token=abc",
                true,
                END);
        String xml = JUnitXml.write(results);
        assertFalse(xml.contains("hunter2"));
        assertFalse(xml.contains("abc"));
        assertTrue(xml.contains("value=\"https://prometheus.example/api\""));
    }

    @Test
    void exitCodeComesFromCriticalChecksOnly() {
        List<Check> all = everyStatus();
        assertEquals(ExitCode.GATE_FAILED, ResultsAssembler.exitCode(run(all)));
        // Without the failed critical check, the unreachable source decides (4), then no data (3).
        assertEquals(
                ExitCode.RUNTIME_ERROR,
                ResultsAssembler.exitCode(run(List.of(all.get(0), all.get(2), all.get(3), all.get(4)))));
        assertEquals(ExitCode.INCONCLUSIVE, ResultsAssembler.exitCode(run(List.of(all.get(0), all.get(4)))));
        // A failed warning and a skipped check leave the verdict at pass.
        assertEquals(ExitCode.PASS, ResultsAssembler.exitCode(run(List.of(all.get(0), all.get(2), all.get(5)))));
    }

    @Test
    void jsonCarriesSummaryCriticalAndFailedAndReadsBack() {
        ValidationResults results =
                ResultsAssembler.assemble(run(everyStatus()), START, END, "http://p:9090", true, END);
        ValidationResults back =
                Json.mapper().convertValue(Json.mapper().valueToTree(results), ValidationResults.class);
        assertEquals(new ValidationResults.Summary(6, 1, 2, 2, 1), back.summary());
        assertEquals(List.of(WEIRD, "ga.broken", "ga.empty"), back.critical());
        assertEquals(List.of(WEIRD, "other.warn"), back.failed());
        assertEquals("FAIL", back.status());
        assertEquals(1, back.exitCode());
        ValidationResults.Case broken = back.cases().get(3);
        assertEquals("error", broken.status());
        assertEquals("source", broken.errorKind());
        assertEquals("connection refused", broken.reason());
        assertNull(broken.observed());
        ValidationResults.Case skipped = back.cases().get(5);
        assertEquals("skipped", skipped.status());
        assertEquals("no dashboard URL", skipped.reason());
        assertEquals(
                List.of("performance", "load", "reliability"),
                back.categories().stream().map(ValidationResults.Category::name).toList());
    }

    @Test
    void htmlIsSelfContainedEscapedAndListsFailuresFirst() {
        String html =
                HtmlReport.write(ResultsAssembler.assemble(run(everyStatus()), START, END, "http://p:9090", true, END));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("<link"));
        assertTrue(html.contains("load &lt;p95&gt; &amp; bell check"));
        int firstFailed = html.indexOf(">FAILED<");
        int firstError = html.indexOf(">ERROR<");
        int firstSkipped = html.indexOf(">SKIPPED<");
        int firstPassed = html.indexOf(">PASSED<");
        assertTrue(
                firstFailed > 0 && firstFailed < firstError && firstError < firstSkipped && firstSkipped < firstPassed,
                "failures first, then errors, skipped, passed");
        assertTrue(html.contains("@media print"));
    }
}
