package dev.gaday.common.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ByteSizeConverterTest {
    @Test
    void bareBytesBinaryAndDecimalUnits() {
        assertEquals(1_048_576L, ByteSizeConverter.parse("1048576"));
        assertEquals(1_048_576L, ByteSizeConverter.parse("1MiB"));
        assertEquals(65_536L, ByteSizeConverter.parse("64kib"));
        assertEquals(1_500_000_000L, ByteSizeConverter.parse("1.5GB"));
        assertEquals(2_000L, ByteSizeConverter.parse(" 2 KB "));
        assertEquals(512L, ByteSizeConverter.parse("512B"));
        assertEquals(3L << 30, ByteSizeConverter.parse("3GiB"));
    }

    @Test
    void badSizesAreOneMessage() {
        for (String bad : new String[] {"", "lots", "-1", "1MiBs", "1e6", "9999999999TiB"}) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> ByteSizeConverter.parse(bad));
            assertTrue(e.getMessage().startsWith("'" + bad + "' is "), e.getMessage());
        }
    }

    @Test
    void formatUsesTheLargestExactBinaryUnit() {
        assertEquals("1MiB", ByteSizeConverter.format(1_048_576));
        assertEquals("64KiB", ByteSizeConverter.format(65_536));
        assertEquals("1500B", ByteSizeConverter.format(1_500));
    }
}
