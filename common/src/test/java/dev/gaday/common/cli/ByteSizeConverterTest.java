package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ByteSizeConverterTest {
    @Test
    void binaryAndDecimalUnits() {
        assertEquals(512, ByteSizeConverter.parse("512"));
        assertEquals(512, ByteSizeConverter.parse("512B"));
        assertEquals(64 * 1024, ByteSizeConverter.parse("64KiB"));
        assertEquals(256L * 1024 * 1024, ByteSizeConverter.parse("256MiB"));
        assertEquals(256L * 1024 * 1024, ByteSizeConverter.parse("256mib"));
        assertEquals(1L << 30, ByteSizeConverter.parse("1GiB"));
        assertEquals(1536L * 1024 * 1024, ByteSizeConverter.parse("1.5GiB"));
        assertEquals(500_000_000L, ByteSizeConverter.parse("500MB"));
        assertEquals(2_000L, ByteSizeConverter.parse("2 kb"));
    }

    @Test
    void notASize() {
        for (String bad : new String[] {"", "-1", "1XB", "MiB", "1e9", "99999999999TiB"}) {
            assertThrows(TypeConversionException.class, () -> ByteSizeConverter.parse(bad), bad);
        }
    }
}
