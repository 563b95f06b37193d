package dev.gaday.cert.chart;

import dev.gaday.cert.chart.ChartCanvas.Anchor;
import dev.gaday.cert.chart.ChartCanvas.Stroke;
import dev.gaday.cert.chart.ChartCanvas.TextStyle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lanes on the UTC time axis: per lane a label on the left and the spans when something was on (an alert
 * firing), as bars in the lane's colour, with a text after the last span (its peak); the incidents and deploys
 * as vertical lines across all lanes. Time ticks as on the KPI charts.
 */
public final class AlertTimeline extends MarkedFigure {
    static final double LANE = 22;
    private static final double TOP = 10;
    private static final double MAX_LABEL = 260;
    private static final int GRID_RGB = 0xdddddd;
    private static final int AXIS_RGB = 0x888888;
    private static final TextStyle LABEL_TEXT = new TextStyle(9.5, false, 0x333333);
    private static final TextStyle SPAN_TEXT = new TextStyle(9, true, 0x333333);

    /** A time span in a lane; {@code to} is the axis' end when it was still on there. */
    public record Span(Instant from, Instant to) {
        public Span {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** One lane: its label, colour, spans and the text after its last span. */
    public record Lane(String label, int rgb, List<Span> spans, String note) {
        public Lane {
            spans = List.copyOf(spans);
            note = note == null ? "" : note;
        }
    }

    private final List<Lane> lanes;
    private final long startMillis;
    private final long endMillis;
    private final double plotLeft;
    private final double plotRight;
    private final double plotTop;
    private final double plotBottom;
    private final int height;

    public AlertTimeline(
            String name,
            String title,
            Instant start,
            Instant end,
            List<Lane> lanes,
            List<KpiChart.Incident> incidents,
            List<RowChart.LegendEntry> legend) {
        super(name, title);
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("timeline " + name + ": no lanes");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("timeline " + name + ": end " + end + " is not after start " + start);
        }
        this.lanes = List.copyOf(lanes);
        startMillis = start.toEpochMilli();
        endMillis = end.toEpochMilli();
        double labelWidth = 0;
        for (Lane lane : lanes) {
            labelWidth = Math.max(labelWidth, TextWidths.width(lane.label(), LABEL_TEXT.size(), false));
        }
        plotLeft = Math.ceil(6 + Math.min(labelWidth, MAX_LABEL) + 8);
        plotRight = ChartLayout.WIDTH - 18;
        plotTop = TOP;
        plotBottom = TOP + lanes.size() * LANE;
        height = (int) Math.ceil(plotBottom + 14 + 16 + 24);

        marks.rect(0, 0, ChartLayout.WIDTH, height, 0xffffff);
        double labelSpace = TextWidths.width(TimeTicks.label(0), ChartLayout.TICK_TEXT.size(), false);
        TimeTicks ticks = TimeTicks.of(
                startMillis,
                endMillis,
                (plotRight - plotLeft) / (endMillis - startMillis),
                labelSpace + ChartLayout.LABEL_GAP);
        for (long tick : ticks.values()) {
            double x = x(tick);
            marks.line(x, plotTop, x, plotBottom, Stroke.solid(GRID_RGB, 1));
            marks.line(x, plotBottom, x, plotBottom + 3, Stroke.solid(AXIS_RGB, 1));
            if (x - labelSpace / 2 >= 2 && x + labelSpace / 2 <= ChartLayout.WIDTH - 2) {
                marks.text(x, plotBottom + 13, TimeTicks.label(tick), ChartLayout.TICK_TEXT, Anchor.MIDDLE);
            }
        }
        marks.line(plotLeft, plotTop, plotLeft, plotBottom, Stroke.solid(AXIS_RGB, 1));
        marks.line(plotLeft, plotBottom, plotRight, plotBottom, Stroke.solid(AXIS_RGB, 1));
        marks.text((plotLeft + plotRight) / 2, plotBottom + 30, "Time (UTC)", ChartLayout.TITLE_TEXT, Anchor.MIDDLE);
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            double top = plotTop + i * LANE;
            double middle = top + LANE / 2;
            if (i > 0) {
                marks.line(plotLeft, top, plotRight, top, Stroke.solid(0xeeeeee, 1));
            }
            marks.text(
                    6, middle + 3.5, RowChart.shorten(lane.label(), LABEL_TEXT, MAX_LABEL), LABEL_TEXT, Anchor.START);
            double lastEnd = plotLeft;
            double lastStart = plotLeft;
            for (Span span : lane.spans()) {
                double from = x(span.from().toEpochMilli());
                double to = x(span.to().toEpochMilli());
                // A span shorter than two pixels still shows.
                marks.rect(from, top + 5, Math.max(to - from, 2), LANE - 10, lane.rgb());
                if (to >= lastEnd) {
                    lastEnd = Math.max(to, from + 2);
                    lastStart = from;
                }
            }
            if (!lane.note().isEmpty()) {
                double w = TextWidths.width(lane.note(), SPAN_TEXT.size(), true);
                if (lastEnd + 4 + w <= ChartLayout.WIDTH - 2) {
                    marks.text(lastEnd + 4, middle + 3.5, lane.note(), SPAN_TEXT, Anchor.START);
                } else {
                    marks.text(lastStart - 4, middle + 3.5, lane.note(), SPAN_TEXT, Anchor.END);
                }
            }
        }
        for (KpiChart.Incident incident : incidents) {
            long at = incident.at().toEpochMilli();
            if (at >= startMillis && at <= endMillis) {
                marks.line(x(at), plotTop, x(at), plotBottom, ChartLayout.INCIDENT);
            }
        }
        List<String> labels = new ArrayList<>();
        List<Object> samples = new ArrayList<>();
        for (RowChart.LegendEntry entry : legend) {
            labels.add(entry.label());
            samples.add(entry.sample());
        }
        if (incidents.stream().anyMatch(i -> !i.at().isBefore(start) && !i.at().isAfter(end))) {
            labels.add("Incident or deploy");
            samples.add(ChartLayout.INCIDENT);
        }
        Marks.legend(marks, ChartLayout.WIDTH / 2.0, height - 8, labels, samples);
    }

    /** The x pixel of a time. */
    public double x(long epochMillis) {
        return plotLeft + (plotRight - plotLeft) * (double) (epochMillis - startMillis) / (endMillis - startMillis);
    }

    public double x(Instant time) {
        return x(time.toEpochMilli());
    }

    public List<Lane> lanes() {
        return lanes;
    }

    @Override
    public int height() {
        return height;
    }
}
