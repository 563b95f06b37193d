package dev.gaday.kpi.validate.report;

import dev.gaday.common.model.validation.ValidationResults;
import dev.gaday.common.model.validation.ValidationResults.Case;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * validation_results.xml as CI systems read JUnit XML (GitLab, Jenkins, the GitHub test reporters):
 * {@code <testsuites>} with totals, one {@code <testsuite>} per category with a UTC timestamp and time, one
 * {@code <testcase>} per check; exactly one {@code <failure>} per failed case, {@code <error>} for a check that
 * could not run, {@code <skipped>} with the reason. Counts are of cases. Characters XML 1.0 cannot carry are
 * removed; bodies are capped.
 */
public final class JUnitXml {
    static final int MAX_BODY = 64 * 1024;

    private JUnitXml() {}

    public static String write(ValidationResults results) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "kpi-collector validate");
            ValidationResults.Summary summary = results.summary();
            xml.writeAttribute("tests", String.valueOf(summary.total()));
            xml.writeAttribute("failures", String.valueOf(summary.failed()));
            xml.writeAttribute("errors", String.valueOf(summary.errors()));
            xml.writeAttribute("skipped", String.valueOf(summary.skipped()));
            xml.writeAttribute("time", seconds(totalMillis(results.cases())));
            xml.writeAttribute("timestamp", timestamp(results.generatedAt()));
            int id = 0;
            for (ValidationResults.Category category : results.categories()) {
                List<Case> cases = new ArrayList<>();
                for (Case one : results.cases()) {
                    if (one.category().equals(category.name())) {
                        cases.add(one);
                    }
                }
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", clean(category.name()));
                xml.writeAttribute("tests", String.valueOf(category.total()));
                xml.writeAttribute("failures", String.valueOf(category.failed()));
                xml.writeAttribute("errors", String.valueOf(category.errors()));
                xml.writeAttribute("skipped", String.valueOf(category.skipped()));
                xml.writeAttribute("time", seconds(totalMillis(cases)));
                xml.writeAttribute("timestamp", timestamp(results.generatedAt()));
                xml.writeAttribute("hostname", hostname());
                xml.writeAttribute("id", String.valueOf(id++));
                properties(xml, results);
                for (Case one : cases) {
                    testcase(xml, one);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void properties(XMLStreamWriter xml, ValidationResults results) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "ga.window.start", String.valueOf(results.window().start()));
        property(xml, "ga.window.end", String.valueOf(results.window().end()));
        property(xml, "ga.mode", String.valueOf(results.gaMode()));
        property(
                xml,
                "prometheus.url",
                results.prometheusUrl() == null ? "" : withoutCredentials(results.prometheusUrl()));
        property(xml, "tool.version", results.toolVersion());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", clean(value));
    }

    private static void testcase(XMLStreamWriter xml, Case one) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(one.classname()));
        xml.writeAttribute("name", clean(one.name()));
        xml.writeAttribute("time", seconds(one.durationMs()));
        String message = oneLine(one.reason());
        switch (one.status()) {
            case ValidationResults.STATUS_FAILED -> {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", message);
                xml.writeAttribute("type", clean(one.name()));
                xml.writeCharacters(body(one));
                xml.writeEndElement();
            }
            case ValidationResults.STATUS_ERROR -> {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("error");
                xml.writeAttribute("message", message);
                xml.writeAttribute("type", one.errorKind() == null ? "error" : one.errorKind());
                xml.writeCharacters(body(one));
                xml.writeEndElement();
            }
            case ValidationResults.STATUS_SKIPPED -> {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", message);
            }
            default -> {}
        }
        if (one.evidence() != null && one.status().equals(ValidationResults.STATUS_PASSED)) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(body(one));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /** The evidence: verdict, observed against threshold, then what was asked and seen. */
    static String body(Case one) {
        StringBuilder body = new StringBuilder();
        body.append(one.reason() == null ? "" : one.reason()).append('\n');
        if (one.comparator() != null) {
            body.append("observed: ")
                    .append(one.observed() == null ? "-" : one.observed())
                    .append(", threshold: ")
                    .append(one.comparator())
                    .append(' ')
                    .append(one.threshold())
                    .append(one.unit() == null ? "" : " " + one.unit())
                    .append('\n');
        }
        body.append("severity: ").append(one.severity()).append('\n');
        if (one.evidence() != null) {
            body.append(one.evidence()).append('\n');
        }
        String text = clean(body.toString());
        return text.length() > MAX_BODY ? text.substring(0, MAX_BODY) + "\n[truncated]" : text;
    }

    /** Removes the characters XML 1.0 cannot hold (most control characters, lone surrogates, U+FFFE/U+FFFF). */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean legal = cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (legal) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        String cleaned = clean(text)
                .replace('\r', ' ')
                .replace('\n', ' ')
                .replace('\t', ' ')
                .strip();
        return cleaned.length() > 500 ? cleaned.substring(0, 497) + "..." : cleaned;
    }

    /** The URL without user-info, query or fragment: what a property may show. */
    static String withoutCredentials(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            return new java.net.URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                    .toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(unparseable URL)";
        }
    }

    private static long totalMillis(List<Case> cases) {
        long sum = 0;
        for (Case one : cases) {
            sum += one.durationMs();
        }
        return sum;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    static String timestamp(Instant instant) {
        return (instant == null ? Instant.EPOCH : instant)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    private static String hostname() {
        try {
            return clean(InetAddress.getLocalHost().getHostName());
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
