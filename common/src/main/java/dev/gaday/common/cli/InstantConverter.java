package dev.gaday.common.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one converter for every time option ({@code --ga-start}, {@code --ga-end}, {@code --from},
 * {@code --at}, …): RFC 3339 with {@code Z} or an offset ({@code 2026-01-15T00:00:00Z},
 * {@code 2026-01-15T02:00:00+02:00}), {@code now}, and times relative to now with a duration as
 * {@link DurationConverter} reads it ({@code now-24h}, {@code now-1h30m}, {@code now+5m}).
 */
public final class InstantConverter implements ITypeConverter<Instant> {
    private static final String EXAMPLES =
            " is not a time (e.g. 2026-01-15T00:00:00Z, 2026-01-15T02:00:00+02:00, now, now-24h)";

    @Override
    public Instant convert(String value) {
        return parse(value, Clock.systemUTC());
    }

    public static Instant parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    /** Parses {@code value}; {@code now} is read from {@code clock}. */
    public static Instant parse(String value, Clock clock) {
        String text = value == null ? "" : value.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("now")) {
            return clock.instant();
        }
        if (lower.startsWith("now-") || lower.startsWith("now+")) {
            Duration offset;
            try {
                offset = DurationConverter.parse(text.substring(4));
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + value + "'" + EXAMPLES);
            }
            return lower.charAt(3) == '-'
                    ? clock.instant().minus(offset)
                    : clock.instant().plus(offset);
        }
        try {
            // RFC 3339 always carries a zone: Z or an offset. A local time would silently mean the
            // machine's zone, which differs between a laptop and a CI runner.
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "'" + EXAMPLES);
        }
    }
}
