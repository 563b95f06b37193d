package dev.gaday.kpi.cli;

import dev.gaday.common.cli.DurationConverter;
import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Durations as common's {@link DurationConverter} reads them ({@code 90s}, {@code 5m}, {@code 24h}),
 * except that a bare number keeps the unit kpi-collector has always documented for the option:
 * {@code --duration 24} is 24 hours, {@code --interval 5} is 5 minutes.
 */
public final class BareNumberDuration {
    private static final Pattern BARE_NUMBER = Pattern.compile("\\s*\\d+(?:\\.\\d+)?\\s*");

    private BareNumberDuration() {}

    /** {@code value} with {@code unit} ("h", "m") appended when it is a bare number, then parsed by common. */
    static Duration parse(String value, String unit) {
        String text = value != null && BARE_NUMBER.matcher(value).matches() ? value.strip() + unit : value;
        return DurationConverter.parse(text);
    }

    /** A bare number is hours. */
    public static final class Hours implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value, "h");
        }
    }

    /** A bare number is minutes. */
    public static final class Minutes implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parse(value, "m");
        }
    }
}
