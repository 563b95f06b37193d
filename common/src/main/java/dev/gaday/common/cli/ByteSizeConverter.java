package dev.gaday.common.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Sizes for every tool's size options: a bare number of bytes ({@code 1048576}), or a number with a
 * unit: {@code B}, binary {@code KiB}/{@code MiB}/{@code GiB}, or decimal {@code KB}/{@code MB}/{@code GB}
 * ({@code 512KiB}, {@code 1MiB}, {@code 1.5GB}). Case does not matter.
 */
public final class ByteSizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]i?b|b)?");
    private static final String EXAMPLES = " is not a size (e.g. 1048576, 512KiB, 1MiB, 2GB)";

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    public static long parse(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "'" + EXAMPLES);
        }
        String unit = matcher.group(2) == null ? "b" : matcher.group(2);
        long factor =
                switch (unit) {
                    case "b" -> 1L;
                    case "kb" -> 1_000L;
                    case "kib" -> 1L << 10;
                    case "mb" -> 1_000_000L;
                    case "mib" -> 1L << 20;
                    case "gb" -> 1_000_000_000L;
                    case "gib" -> 1L << 30;
                    case "tb" -> 1_000_000_000_000L;
                    default -> 1L << 40;
                };
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(factor));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new TypeConversionException("'" + value + "' is too large a size");
        }
        return bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** The short form used in messages and help: "1MiB", "512KiB", "1500B". */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value >= 1024 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}
