package dev.gaday.cert.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

class BundledFontMapperTest {

    @Test
    void theStandardFontsStandInNamesItselfAsTheBundledFontWithoutParsingIt() throws Exception {
        BundledFontMapper mapper = new BundledFontMapper();
        FontBoxFont standIn = mapper.getFontBoxFont("Helvetica", null).getFont();

        String name = standIn.getName();

        assertFalse(mapper.parsed(), "asking the name parsed the font");
        try (InputStream in = BundledFontMapper.class.getResourceAsStream(PdfReport.FONT_REGULAR)) {
            TrueTypeFont bundled = new TTFParser().parse(in);
            assertEquals(bundled.getName(), name);
        }
    }

    @Test
    void aGlyphQuestionParsesTheBundledFont() throws Exception {
        BundledFontMapper mapper = new BundledFontMapper();
        FontBoxFont standIn = mapper.getFontBoxFont("Times-Roman", null).getFont();

        assertTrue(standIn.hasGlyph("A"));
        assertTrue(standIn.getWidth("A") > 0);
        assertTrue(mapper.parsed());
    }
}
