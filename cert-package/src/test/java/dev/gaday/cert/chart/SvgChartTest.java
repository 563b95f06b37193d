package dev.gaday.cert.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.text.ReportFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A chart with a gap, a threshold and an incident, written as SVG and read back. */
class SvgChartTest {
    static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(6));
    /** Hourly values at the middle of each hour; 03:30 has no value. */
    static final Double[] VALUES = {99.95, 99.97, 98.7, null, 99.96, 99.92};

    static final Instant INCIDENT = Instant.parse("2026-11-22T02:05:00Z");
    static final Pattern POLYLINE = Pattern.compile("<polyline points=\"([^\"]*)\"");

    static KpiChart chart(Double[] values, String incidentLabel) {
        List<KpiChart.Point> points = new ArrayList<>();
        for (int hour = 0; hour < values.length; hour++) {
            points.add(new KpiChart.Point(START.plus(Duration.ofMinutes(60L * hour + 30)), values[hour]));
        }
        return new KpiChart(
                "availability",
                "Availability (%)",
                "Availability",
                START,
                END,
                points,
                new KpiChart.Threshold(99.9, "Threshold ≥ 99.9%"),
                List.of(new KpiChart.Incident(INCIDENT, incidentLabel)));
    }

    static String svg(ChartLayout layout) {
        return new String(SvgCanvas.render(layout, "Availability over the GA window"), StandardCharsets.UTF_8);
    }

    @Test
    void seriesIsOnePointPerFiniteValueAtItsTimeAndValueAndBreaksAtTheGap() {
        ChartLayout layout = ChartLayout.of(chart(VALUES, "INC-7"));
        String svg = svg(layout);
        List<String> polylines = new ArrayList<>();
        Matcher matcher = POLYLINE.matcher(svg);
        while (matcher.find()) {
            polylines.add(matcher.group(1));
        }
        assertEquals(2, polylines.size(), "the null at 03:30 splits the line in two: " + polylines);
        assertEquals(expectedPoints(layout, 0, 3), polylines.get(0));
        assertEquals(expectedPoints(layout, 4, 6), polylines.get(1));

        // From first principles: 00:30 is 1/12 of the way along the 6-hour axis, 98.7 is the
        // lowest value so the lowest point, and all points lie inside the plot.
        double[][] first = parse(polylines.get(0));
        double plotWidth = layout.plotRight() - layout.plotLeft();
        assertEquals(layout.plotLeft() + plotWidth / 12, first[0][0], 0.006);
        assertEquals(layout.plotLeft() + plotWidth * 5 / 12, layout.x(START.plus(Duration.ofMinutes(150))), 1e-9);
        double plotHeight = layout.plotBottom() - layout.plotTop();
        assertEquals(
                layout.plotBottom() - plotHeight * (98.7 - layout.yMin()) / (layout.yMax() - layout.yMin()),
                first[2][1],
                0.006);
        for (String polyline : polylines) {
            for (double[] point : parse(polyline)) {
                assertTrue(point[0] >= layout.plotLeft() && point[0] <= layout.plotRight(), polyline);
                assertTrue(point[1] >= layout.plotTop() && point[1] <= layout.plotBottom(), polyline);
                assertTrue(point[1] <= first[2][1], "98.7 is the lowest point: " + polyline);
            }
        }
        // The range holds every value and the threshold, with room above and below.
        assertTrue(layout.yMin() < 98.7 && layout.yMax() > 99.97, layout.yMin() + ".." + layout.yMax());
    }

    @Test
    void thresholdIsADashedRedLineAcrossThePlotAtItsValue() {
        ChartLayout layout = ChartLayout.of(chart(VALUES, "INC-7"));
        String y = SvgCanvas.n(layout.y(99.9));
        String expected = "<line x1=\"" + SvgCanvas.n(layout.plotLeft()) + "\" y1=\"" + y + "\" x2=\""
                + SvgCanvas.n(layout.plotRight()) + "\" y2=\"" + y + "\" stroke=\"#c03030\" stroke-width=\"1.2\" "
                + "stroke-dasharray=\"6 4\"/>";
        assertTrue(svg(layout).contains(expected), expected + "\n" + svg(layout));
        assertTrue(svg(layout).contains(">Threshold ≥ 99.9%</text>"), "legend");
    }

    @Test
    void incidentIsAnOrangeVerticalLineAtItsTimeWithItsLabelEscaped() {
        ChartLayout layout = ChartLayout.of(chart(VALUES, "<b>&"));
        String svg = svg(layout);
        String x = SvgCanvas.n(layout.x(INCIDENT));
        // 02:05 is 125 of 360 minutes along the axis.
        assertEquals(
                layout.plotLeft() + (layout.plotRight() - layout.plotLeft()) * 125 / 360, layout.x(INCIDENT), 1e-9);
        String expected = "<line x1=\"" + x + "\" y1=\"" + SvgCanvas.n(layout.plotTop()) + "\" x2=\"" + x + "\" y2=\""
                + SvgCanvas.n(layout.plotBottom()) + "\" stroke=\"#e08000\" stroke-width=\"1.4\"/>";
        assertTrue(svg.contains(expected), expected + "\n" + svg);
        assertTrue(svg.contains(">&lt;b&gt;&amp;</text>"), svg);
        assertFalse(svg.contains("<b>"), svg);
        assertEquals(List.of(new KpiChart.Incident(INCIDENT, "<b>&")), layout.labelledIncidents());
        assertTrue(layout.plotTop() > 10, "the label's row sits above the plot");
    }

    @Test
    void twoRendersGiveTheSameBytes() {
        byte[] first = SvgCanvas.render(ChartLayout.of(chart(VALUES, "INC-7")), "t");
        byte[] second = SvgCanvas.render(ChartLayout.of(chart(VALUES.clone(), "INC-7")), "t");
        assertArrayEquals(first, second);
        assertTrue(
                new String(first, StandardCharsets.UTF_8)
                        .startsWith(
                                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"270\" viewBox=\"0 0 760 270\""));
    }

    @Test
    void anIsolatedValueIsADotAndNaNIsAGap() {
        Double[] values = {99.95, Double.NaN, 99.5, null, 99.96, 99.92};
        ChartLayout layout = ChartLayout.of(chart(values, "INC-7"));
        String svg = svg(layout);
        Matcher matcher = POLYLINE.matcher(svg);
        assertTrue(matcher.find());
        assertEquals(expectedPoints(layout, 4, 6), matcher.group(1), "00:30 and 02:30 stand alone");
        assertFalse(matcher.find());
        double x = layout.x(START.plus(Duration.ofMinutes(150)));
        double y = layout.y(99.5);
        String dot = "<rect x=\"" + SvgCanvas.n(x - 1.6) + "\" y=\"" + SvgCanvas.n(y - 1.6)
                + "\" width=\"3.2\" height=\"3.2\" fill=\"#1f5fa8\"/>";
        assertTrue(svg.contains(dot), dot + "\n" + svg);
    }

    @Test
    void valueTicksAreLabelledAtTheirHeight() {
        ChartLayout layout = ChartLayout.of(chart(VALUES, "INC-7"));
        String svg = svg(layout);
        assertEquals(0.2, layout.yTicks().step());
        for (double tick : layout.yTicks().values()) {
            String label = ">" + layout.yTicks().label(tick) + "</text>";
            assertTrue(svg.contains(label), label);
            assertTrue(tick >= layout.yMin() && tick <= layout.yMax());
        }
        assertTrue(svg.contains(">99.0</text>") && svg.contains(">100.0</text>"), svg);
    }

    @Test
    void coordinatesHaveAtMostTwoDecimalsWhateverTheLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("12.35", SvgCanvas.n(12.345678));
            assertEquals("100", SvgCanvas.n(100.001));
            assertEquals("-0.5", SvgCanvas.n(-0.5));
            assertEquals("0", SvgCanvas.n(-0.001));
            assertEquals("99.20", ReportFormat.fixed(99.2, 2));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    /** The "x,y x,y" text of values[from..to) as the layout places them. */
    private static String expectedPoints(ChartLayout layout, int from, int to) {
        List<String> points = new ArrayList<>();
        for (int hour = from; hour < to; hour++) {
            Instant at = START.plus(Duration.ofMinutes(60L * hour + 30));
            points.add(SvgCanvas.n(layout.x(at)) + "," + SvgCanvas.n(layout.y(VALUES[hour])));
        }
        return String.join(" ", points);
    }

    private static double[][] parse(String points) {
        return Arrays.stream(points.split(" "))
                .map(p -> Arrays.stream(p.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray())
                .toArray(double[][]::new);
    }
}
