package dev.gaday.cert.chart;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Time ticks for the x axis, in UTC: the shortest step of 1, 2, 5, 10, 15 and 30 minutes, 1, 2, 3,
 * 6 and 12 hours, 1, 2 and 7 days (then doubling) whose ticks lie far enough apart for their
 * labels ("MM-dd HH:mm") not to touch. Ticks are the step's multiples since the epoch, so they
 * fall on whole hours and on midnight UTC.
 *
 * @param stepMillis the distance between ticks
 * @param values the ticks (epoch milliseconds) inside the range, ascending
 */
public record TimeTicks(long stepMillis, List<Long> values) {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    static final long[] STEPS = {
        MINUTE,
        2 * MINUTE,
        5 * MINUTE,
        10 * MINUTE,
        15 * MINUTE,
        30 * MINUTE,
        HOUR,
        2 * HOUR,
        3 * HOUR,
        6 * HOUR,
        12 * HOUR,
        DAY,
        2 * DAY,
        7 * DAY
    };

    public TimeTicks {
        values = List.copyOf(values);
    }

    /**
     * @param startMillis the range's start
     * @param endMillis the range's end, after the start
     * @param pixelsPerMilli how many pixels one millisecond is on the axis
     * @param minSpacing the fewest pixels between two ticks (a label's width plus a gap)
     */
    public static TimeTicks of(long startMillis, long endMillis, double pixelsPerMilli, double minSpacing) {
        if (endMillis <= startMillis || !(pixelsPerMilli > 0)) {
            throw new IllegalArgumentException("need start < end and a positive scale");
        }
        long step = 0;
        for (long candidate : STEPS) {
            if (candidate * pixelsPerMilli >= minSpacing) {
                step = candidate;
                break;
            }
        }
        if (step == 0) {
            step = STEPS[STEPS.length - 1];
            while (step * pixelsPerMilli < minSpacing) {
                step *= 2;
            }
        }
        List<Long> ticks = new ArrayList<>();
        for (long tick = Math.floorDiv(startMillis + step - 1, step) * step; tick <= endMillis; tick += step) {
            ticks.add(tick);
        }
        return new TimeTicks(step, ticks);
    }

    /** A tick's label in UTC: "11-22 14:00". */
    public static String label(long epochMillis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        char[] text = new char[11];
        two(text, 0, time.getMonthValue());
        text[2] = '-';
        two(text, 3, time.getDayOfMonth());
        text[5] = ' ';
        two(text, 6, time.getHour());
        text[8] = ':';
        two(text, 9, time.getMinute());
        return new String(text);
    }

    private static void two(char[] text, int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
