package dev.gaday.common.cli;

import dev.gaday.common.text.ReportFormat;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people and Prometheus write them, for every tool's duration options:
 * {@code 250ms}, {@code 1.5s}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, a bare number
 * of seconds ({@code 60}), or ISO-8601 ({@code PT30S}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern BARE_SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String EXAMPLES = " is not a duration (e.g. 250ms, 1.5s, 5m, 1h30m, 2d)";
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE / 2);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("p")) {
            try {
                Duration duration = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (duration.isNegative()) {
                    throw new TypeConversionException("'" + value + "'" + EXAMPLES);
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "'" + EXAMPLES);
            }
        }
        if (BARE_SECONDS.matcher(text).matches()) {
            return ofNanos(new BigDecimal(text).multiply(BigDecimal.valueOf(1_000_000_000L)), value);
        }
        Matcher matcher = PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int position = 0;
        while (position < text.length() && matcher.find(position) && matcher.start() == position) {
            long unitNanos =
                    switch (matcher.group(2)) {
                        case "ms" -> 1_000_000L;
                        case "s" -> 1_000_000_000L;
                        case "m" -> 60_000_000_000L;
                        case "h" -> 3_600_000_000_000L;
                        default -> 86_400_000_000_000L;
                    };
            nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitNanos)));
            position = matcher.end();
        }
        if (text.isEmpty() || position != text.length()) {
            throw new TypeConversionException("'" + value + "'" + EXAMPLES);
        }
        return ofNanos(nanos, value);
    }

    private static Duration ofNanos(BigDecimal nanos, String value) {
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new TypeConversionException("'" + value + "' is too long a duration");
        }
        return Duration.ofNanos(
                nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    /** The short form used in messages and help: 250ms, 1.5s, 30s, 1m30s, 2h. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis % 1000 != 0) {
            return ReportFormat.plain(millis / 1000.0) + "s";
        }
        long seconds = millis / 1000;
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
            seconds %= 3600;
        }
        if (seconds >= 60) {
            text.append(seconds / 60).append('m');
            seconds %= 60;
        }
        if (seconds > 0 || text.length() == 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }
}
