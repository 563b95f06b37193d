package dev.gaday.cert.chart;

/**
 * Advance widths of the bundled DejaVu Sans and Sans Bold (from the fonts' hmtx tables, in units
 * of 1/2048 em), so that a layout knows how wide a label is without asking a font renderer:
 * exact for ASCII, the width of the common symbols (≥ ≤ ✔ ⚠...) for U+2190..U+27BF, and an
 * average width for other characters.
 */
final class TextWidths {
    private static final double UNITS_PER_EM = 2048;
    /** The ascent of DejaVu Sans, in em: how far above the baseline the tallest glyphs reach. */
    static final double ASCENT = 1901 / UNITS_PER_EM;
    /** The descent of DejaVu Sans, in em: how far below the baseline descenders reach. */
    static final double DESCENT = 483 / UNITS_PER_EM;

    /** U+0020..U+007E, DejaVu Sans. */
    private static final short[] REGULAR = {
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
    };
    /** U+0020..U+007E, DejaVu Sans Bold. */
    private static final short[] BOLD = {
        713, 934, 1067, 1716, 1425, 2052, 1786, 627, 936, 936, 1071, 1716, 778, 850, 778, 748,
        1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 1425, 819, 819, 1716, 1716, 1716, 1188,
        2048, 1585, 1561, 1503, 1700, 1399, 1399, 1681, 1714, 762, 762, 1587, 1305, 2038, 1714, 1741,
        1501, 1741, 1577, 1475, 1397, 1663, 1585, 2259, 1579, 1483, 1485, 936, 748, 936, 1716, 1024,
        1024, 1382, 1466, 1214, 1466, 1389, 891, 1466, 1458, 702, 702, 1362, 702, 2134, 1458, 1407,
        1466, 1466, 1010, 1219, 979, 1458, 1335, 1892, 1321, 1335, 1192, 1458, 748, 1458, 1716,
    };

    private static final int SYMBOL = 1716;
    private static final int AVERAGE_REGULAR = 1300;
    private static final int AVERAGE_BOLD = 1450;

    private TextWidths() {}

    /** The width of the text in pixels at the given font size. */
    static double width(String text, double size, boolean bold) {
        short[] table = bold ? BOLD : REGULAR;
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c <= 0x7e) {
                units += table[c - 0x20];
            } else if (c >= 0x2190 && c <= 0x27bf) {
                units += SYMBOL;
            } else {
                units += bold ? AVERAGE_BOLD : AVERAGE_REGULAR;
            }
        }
        return units * size / UNITS_PER_EM;
    }
}
