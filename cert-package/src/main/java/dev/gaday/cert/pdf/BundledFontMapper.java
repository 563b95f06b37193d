package dev.gaday.cert.pdf;

import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's default font mapper scans every font of the host the first time a standard font is
 * touched (seconds on a cold machine, and output that depends on the host). The report only uses
 * the bundled DejaVu fonts, so every lookup answers with bundled DejaVu Sans and nothing is
 * scanned. The font is parsed only when a glyph is really asked for: PDFBox maps all 14 standard
 * fonts when openhtmltopdf starts, and asks each stand-in its name (for a log line), but the report
 * never draws with them. Also silences the libraries' java.util.logging chatter on stderr.
 */
final class BundledFontMapper implements FontMapper {
    private static final Logger[] SILENCED = {
        Logger.getLogger("org.apache.pdfbox"),
        Logger.getLogger("org.apache.fontbox"),
        Logger.getLogger("com.openhtmltopdf")
    };
    /** The PostScript name of the bundled DejaVu Sans: PDFBox's question, answered without a parse (~50 ms). */
    static final String FONT_NAME = "DejaVuSans";

    private static volatile boolean installed;
    private TrueTypeFont font;

    BundledFontMapper() {}

    static synchronized void install() {
        if (installed) {
            return;
        }
        for (Logger logger : SILENCED) {
            logger.setLevel(Level.OFF);
        }
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        FontMappers.set(new BundledFontMapper());
        installed = true;
    }

    /** For tests: whether the font was parsed. */
    synchronized boolean parsed() {
        return font != null;
    }

    private synchronized TrueTypeFont font() {
        if (font == null) {
            try (InputStream in = BundledFontMapper.class.getResourceAsStream(PdfReport.FONT_REGULAR)) {
                font = new TTFParser().parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return font;
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(), true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(lazyFont, true);
    }

    private final FontBoxFont lazyFont = new FontBoxFont() {
        @Override
        public String getName() {
            return FONT_NAME;
        }

        @Override
        public BoundingBox getFontBBox() throws IOException {
            return font().getFontBBox();
        }

        @Override
        public List<Number> getFontMatrix() throws IOException {
            return font().getFontMatrix();
        }

        @Override
        public GeneralPath getPath(String name) throws IOException {
            return font().getPath(name);
        }

        @Override
        public float getWidth(String name) throws IOException {
            return font().getWidth(name);
        }

        @Override
        public boolean hasGlyph(String name) throws IOException {
            return font().hasGlyph(name);
        }
    };

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo systemInfo) {
        return new CIDFontMapping(null, font(), true);
    }
}
