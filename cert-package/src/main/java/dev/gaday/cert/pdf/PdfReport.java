package dev.gaday.cert.pdf;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.gaday.cert.chart.Figure;
import dev.gaday.cert.chart.KpiChart;
import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Calendar;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders the filled Markdown report to PDF in-process: flexmark turns it into XHTML (raw HTML in
 * a template is shown as text, never interpreted), openhtmltopdf lays it out on A4 with a
 * running header, page numbers, repeated table headers and bookmarks, and the KPI charts are
 * drawn as vectors where the Markdown references charts/NAME.svg. Fonts are the bundled DejaVu
 * Sans family, so the result does not depend on the host's fonts; emoji that DejaVu lacks are
 * mapped to symbols it has (U+2705 to U+2714, U+274C to U+2718). The PDF's dates and document ID
 * are fixed from the given time and the content, so the same input gives the same bytes.
 */
public final class PdfReport {
    public static final String FONT_REGULAR = "/dev/gaday/cert/fonts/DejaVuSans.ttf";
    public static final String FONT_BOLD = "/dev/gaday/cert/fonts/DejaVuSans-Bold.ttf";
    public static final String FONT_MONO = "/dev/gaday/cert/fonts/DejaVuSansMono.ttf";
    static final String CHART_TYPE = "application/x-gaday-chart";
    /** A figure's width on the page: the text's width (A4 less 16 mm margins each side, less 2 mm). */
    private static final double CHART_WIDTH_MM = 178;

    private static final Pattern CHART_IMAGE = Pattern.compile("<img src=\"" + Pattern.quote(KpiChart.DIRECTORY)
            + "([a-z0-9_]+)" + Pattern.quote(KpiChart.EXTENSION) + "\" alt=\"([^\"]*)\" />");
    private static final Pattern HEADING = Pattern.compile("<h([1-3]) id=\"([^\"]+)\">(.*?)</h\\1>", Pattern.DOTALL);
    private static final Pattern NAMED_ENTITY = Pattern.compile("&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)");

    private static final Map<String, byte[]> FONT_BYTES = new ConcurrentHashMap<>();
    private static final Parser PARSER;
    private static final HtmlRenderer RENDERER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        // Report templates put one field per line ("**Generated:** ...") and mean a line break.
        options.set(HtmlRenderer.SOFT_BREAK, "<br />\n");
        options.set(TablesExtension.CLASS_NAME, "report");
        PARSER = Parser.builder(options).build();
        RENDERER = HtmlRenderer.builder(options).build();
    }

    private PdfReport() {}

    /** The body HTML flexmark makes of the Markdown (tests use it to check escaping). */
    public static String bodyHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /**
     * @param headerText the running header: release and status
     * @param charts charts by name, drawn where the Markdown references charts/NAME.svg
     * @param appendCharts true to add a chart section at the end (templates without INSERT_KPI_CHARTS)
     * @param fixedTime the PDF's creation and modification date
     */
    public static byte[] render(
            String markdown,
            String title,
            String headerText,
            Map<String, Figure> charts,
            boolean appendCharts,
            Instant fixedTime) {
        String body = CHART_IMAGE.matcher(bodyHtml(markdown)).replaceAll(match -> chartOrCaption(charts, match));
        if (appendCharts && !charts.isEmpty()) {
            StringBuilder section = new StringBuilder("<h2 id=\"kpi-charts\">KPI charts</h2>\n");
            for (String name : charts.keySet()) {
                section.append("<p>")
                        .append(chartBlock(
                                charts.get(name), xml(charts.get(name).title())))
                        .append("</p>\n");
            }
            body = body + section;
        }
        body = NAMED_ENTITY.matcher(body).replaceAll("&amp;");
        body = highlight(body);
        body = mapSymbols(body);
        body = STATUS_CELL.matcher(body).replaceAll("<td class=\"status\"$1>$2</td>");
        return toPdf(xhtmlDocument(title, headerText, body), charts, fixedTime);
    }

    /** A Markdown chart image: the chart, drawn in place, when there is one by that name; else its caption. */
    private static String chartOrCaption(Map<String, Figure> charts, java.util.regex.MatchResult image) {
        return Matcher.quoteReplacement(
                charts.containsKey(image.group(1))
                        ? chartBlock(charts.get(image.group(1)), image.group(2))
                        : image.group(2));
    }

    /** A chart drawn as a block, with its caption (already XML-escaped) below. */
    private static String chartBlock(Figure figure, String captionXml) {
        // Every figure is as wide as the text; its height keeps its aspect ratio.
        String height =
                String.format(java.util.Locale.ROOT, "%.1fmm", CHART_WIDTH_MM * figure.height() / figure.width());
        return "<span class=\"chart-block\"><object type=\"" + CHART_TYPE + "\" data-chart=\"" + figure.name()
                + "\" class=\"chart\" style=\"height: " + height + "\"></object><span class=\"caption\">"
                + captionXml + "</span></span>";
    }

    private static String xhtmlDocument(String title, String headerText, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>" + xml(title)
                + "</title><meta name=\"generator\" content=\"GA Day Toolkit cert-package\" />"
                + "<style>" + css() + "</style>" + bookmarks(body) + "</head><body>"
                + "<div id=\"running-header\">" + xml(mapSymbols(headerText)) + "</div>\n" + body + "</body></html>";
    }

    /** The PDF's bytes. */
    private static byte[] toPdf(String xhtml, Map<String, Figure> charts, Instant fixedTime) {
        BundledFontMapper.install();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(parseXhtml(xhtml), null);
        PDDocument target = new PDDocument();
        builder.usePDDocument(target);
        LazyFont regular = new LazyFont(target, FONT_REGULAR);
        LazyFont bold = new LazyFont(target, FONT_BOLD);
        builder.useFont(regular, "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(bold, "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(
                new LazyFont(target, FONT_MONO), "DejaVu Sans Mono", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(CHART_TYPE, chartDrawer(charts, isBold -> isBold ? bold.supply() : regular.supply()));
        builder.useObjectDrawerFactory(drawers);
        builder.withProducer("GA Day Toolkit cert-package");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (target;
                PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            PDDocument document = renderer.getPdfDocument();
            Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(fixedTime.toEpochMilli());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setCreationDate(calendar);
            info.setModificationDate(calendar);
            byte[] id = documentId(xhtml, fixedTime);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The XHTML as a DOM, parsed here rather than by openhtmltopdf: its loader runs the parser through
     * an identity XSLT transformer, a second XML stack to load and compile on every run, for the same
     * DOM. Namespace-aware and non-validating as openhtmltopdf's, and closed to DTDs and external
     * entities (the document has none: flexmark escapes the report's text).
     */
    static Document parseXhtml(String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The parser's default handler prints to stderr; an error here is thrown and reported once.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(
                    "cannot render the PDF: the report's XHTML is not well-formed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF: " + e.getMessage(), e);
        }
    }

    /** A bundled font embedded (as a subset) into the document only when the layout first uses it. */
    private static final class LazyFont extends PDFontSupplier {
        private final PDDocument document;
        private final String name;
        private PDFont font;

        LazyFont(PDDocument document, String name) {
            super(null);
            this.document = document;
            this.name = name;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(document, new ByteArrayInputStream(fontBytes(name)), true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load the bundled font " + name + ": " + e.getMessage(), e);
                }
            }
            return font;
        }
    }

    /** A bundled font file's bytes, read from the jar once per JVM. */
    static byte[] fontBytes(String name) {
        return FONT_BYTES.computeIfAbsent(name, key -> {
            try (InputStream in = resource(key)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled font " + key + ": " + e.getMessage(), e);
            }
        });
    }

    /** Draws each chart object as a vector form, scaled to the box the layout gave it. */
    private static FSObjectDrawer chartDrawer(Map<String, Figure> charts, Function<Boolean, PDFont> fonts) {
        return (element, x, y, width, height, outputDevice, context, dotsPerPixel) -> {
            Figure chart = charts.get(element.getAttribute("data-chart"));
            if (chart != null) {
                PdfBoxOutputDevice device = (PdfBoxOutputDevice) outputDevice; // the PDFBox renderer's
                float dotsPerPoint = device.getDotsPerPoint();
                Rectangle box = new Rectangle((int) x, (int) y, (int) width, (int) height);
                // An intrinsic size equal to the box: placed 1:1, not scaled again.
                device.drawPdfAsImage(
                        PdfCanvas.form(
                                device.getWriter(), chart, box.width / dotsPerPoint, box.height / dotsPerPoint, fonts),
                        box,
                        box.width,
                        box.height);
            }
            return null;
        };
    }

    private static byte[] documentId(String xhtml, Instant time) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md5.update(xhtml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md5.update(Long.toString(time.getEpochSecond()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return md5.digest();
    }

    /** Nested PDF bookmarks from the h1-h3 headings (openhtmltopdf's bookmarks element). */
    static String bookmarks(String body) {
        StringBuilder out = new StringBuilder("<bookmarks>");
        Deque<Integer> open = new ArrayDeque<>();
        Matcher matcher = HEADING.matcher(body);
        while (matcher.find()) {
            int level = Integer.parseInt(matcher.group(1));
            while (!open.isEmpty() && open.peek() >= level) {
                out.append("</bookmark>");
                open.pop();
            }
            String name = matcher.group(3).replaceAll("<[^>]*>", "");
            out.append("<bookmark name=\"")
                    .append(name.replace("\"", "&quot;"))
                    .append("\" href=\"#")
                    .append(matcher.group(2))
                    .append("\">");
            open.push(level);
        }
        while (!open.isEmpty()) {
            out.append("</bookmark>");
            open.pop();
        }
        return out.append("</bookmarks>").toString();
    }

    static String mapSymbols(String text) {
        return text.replace("\u2705", "\u2714")
                .replace("\u274c", "\u2718")
                .replace("\u274e", "\u2718")
                .replace("\ufe0f", "");
    }

    /** A table cell holding a status mark alone ("✔ PASS", "⚠ NO_DATA"): kept on one line. */
    private static final Pattern STATUS_CELL =
            Pattern.compile("<td((?: align=\"[a-z]+\")?)>([\u2714\u2718\u26a0] [A-Z_]{2,12})</td>");

    private static final Pattern FAIL_ROW =
            Pattern.compile("<tr>((?:(?!</tr>).)*?\u2718 FAIL(?:(?!</tr>).)*?)</tr>", Pattern.DOTALL);
    private static final Pattern VERDICT =
            Pattern.compile("<blockquote>(\\s*<p><strong>Verdict: (\u26a0 CERTIFIED WITH "
                    + "WARNINGS|\u2714 CERTIFIED|\u2718 NOT CERTIFIED|\u26a0 INCONCLUSIVE)</strong>)");

    /** FAIL rows tinted red; the page-one verdict box coloured by the verdict. */
    static String highlight(String body) {
        String rows = FAIL_ROW.matcher(body)
                .replaceAll(m -> Matcher.quoteReplacement("<tr class=\"fail\">" + m.group(1) + "</tr>"));
        return VERDICT.matcher(rows)
                .replaceFirst(m -> Matcher.quoteReplacement("<blockquote class=\"verdict "
                        + (m.group(2).contains("NOT CERTIFIED")
                                ? "fail"
                                : m.group(2).contains("INCONCLUSIVE")
                                                || m.group(2).contains("WARNINGS")
                                        ? "warn"
                                        : "pass")
                        + "\">" + m.group(1)));
    }

    private static String css() {
        return """
            @page { size: A4; margin: 22mm 16mm 18mm 16mm;
              @top-center { content: element(header); }
              @bottom-center { content: "Page " counter(page) " of " counter(pages);
                font-family: 'DejaVu Sans'; font-size: 8pt; color: #555; } }
            #running-header { position: running(header); font-family: 'DejaVu Sans'; font-size: 8pt; color: #444;
              border-bottom: 0.5pt solid #999; padding-bottom: 2pt; width: 100%; text-align: center; }
            body { font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.35; color: #111; }
            h1 { font-size: 17pt; color: #12355b; margin: 0 0 6pt 0; }
            h2 { font-size: 13pt; color: #12355b; border-bottom: 1pt solid #12355b; margin-top: 14pt;
              page-break-after: avoid; }
            h3 { font-size: 11pt; color: #1f4f82; margin-top: 10pt; page-break-after: avoid; }
            h4 { font-size: 10pt; margin-top: 8pt; page-break-after: avoid; }
            code, pre { font-family: 'DejaVu Sans Mono'; font-size: 8.5pt; }
            pre { background: #f4f4f4; padding: 4pt; white-space: pre-wrap; }
            table { -fs-table-paginate: paginate; border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0;
              font-size: 8.5pt; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th { background: #e6edf5; text-align: left; }
            th, td { border: 0.5pt solid #9aa7b5; padding: 2pt 4pt; vertical-align: top; }
            hr { border: none; border-top: 0.5pt solid #bbb; margin: 8pt 0; }
            ul, ol { margin-top: 2pt; margin-bottom: 4pt; }
            .chart-block { display: block; page-break-inside: avoid; margin: 6pt 0 10pt 0; }
            object.chart { display: block; width: 178mm; height: 63mm; }
            .caption { display: block; font-size: 8pt; color: #555; text-align: center; }
            td.status { white-space: nowrap; }
            tr.fail td { background: #fbe3e3; color: #8b0000; }
            blockquote { margin: 4pt 0 8pt 0; padding: 4pt 8pt; border: 1pt solid #9aa7b5; background: #f6f8fa; }
            blockquote.verdict { page-break-inside: avoid; }
            blockquote.fail { border: 1.5pt solid #b00020; background: #fdecee; }
            blockquote.fail strong:first-child { color: #b00020; font-size: 12pt; }
            blockquote.warn { border: 1.5pt solid #b26a00; background: #fff6e5; }
            blockquote.warn strong:first-child { color: #8a5200; font-size: 12pt; }
            blockquote.pass { border: 1.5pt solid #1b7f3b; background: #eaf6ee; }
            blockquote.pass strong:first-child { color: #1b7f3b; font-size: 12pt; }
            """;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static InputStream resource(String name) {
        InputStream in = PdfReport.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing bundled font " + name);
        }
        return in;
    }
}
